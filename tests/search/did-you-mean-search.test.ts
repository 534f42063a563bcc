import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { didYouMean, wantsSuggestion } from '@/lib/search/did-you-mean-search';
import type { SearchRequest, SearchResult } from '@/lib/search/types';
import { realPosts } from '../helpers/engines';
import { tempDir } from '../helpers/fixtures';

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = new EmbeddedEngine(tempDir('ne-did-you-mean-'));
  await engine.replaceAll(await realPosts());
}, 60_000);

/** The search of a request, and its did-you-mean. */
async function suggest(request: SearchRequest) {
  const result = await engine.search(request);
  return {
    total: result.total,
    relaxedWords: result.relaxedWords,
    suggestion: await didYouMean(engine, request, result),
  };
}

describe('didYouMean on the real dump', () => {
  it('offers vpn for vpm, which finds nothing', async () => {
    expect(await suggest({ q: 'vpm' })).toEqual({ total: 0, relaxedWords: undefined, suggestion: 'vpn' });
  });

  it('offers the corrected sentence when only partial matches were found', async () => {
    expect(await suggest({ q: 'contnet fitler provdr' })).toEqual({
      total: 1,
      relaxedWords: ['provdr'],
      suggestion: 'content filter provider',
    });
    expect(await suggest({ q: 'contnet fitler provdr', strict: true })).toEqual({
      total: 0,
      relaxedWords: undefined,
      suggestion: 'content filter provider',
    });
  });

  it('says nothing when the correction finds no more threads than the typos did', async () => {
    // The engine's own typo tolerance finds the one thread "hotspot configuration" finds.
    expect(await suggest({ q: 'hotspt configuraton' })).toEqual({
      total: 1,
      relaxedWords: undefined,
      suggestion: undefined,
    });
    expect((await engine.search({ q: 'hotspot configuration', strict: true })).total).toEqual(1);
  });

  it('keeps the filters: a correction that finds nothing under them is not offered', async () => {
    expect(await suggest({ q: 'vpm', filters: { topic: ['tls'] } })).toEqual({
      total: 0,
      relaxedWords: undefined,
      suggestion: undefined,
    });
  });

  it('never changes a code or an API name, and asks nothing of the vocabulary for a good result', async () => {
    expect((await suggest({ q: '-9836 NWConection' })).suggestion).toEqual(undefined);
    const vocabulary = vi.spyOn(engine, 'vocabulary');
    expect(await suggest({ q: 'vpn' })).toEqual({ total: 9, relaxedWords: undefined, suggestion: undefined });
    expect(vocabulary).not.toHaveBeenCalled();
    vocabulary.mockRestore();
  });
});

describe('wantsSuggestion', () => {
  const result = (total: number, relaxedWords?: string[]) =>
    ({ total, ...(relaxedWords ? { relaxedWords } : {}) }) as SearchResult;

  it('asks for a query with two results or fewer, or only partial matches', () => {
    expect([
      wantsSuggestion({ q: 'vpm' }, result(0)),
      wantsSuggestion({ q: 'vpm' }, result(2)),
      wantsSuggestion({ q: 'vpm' }, result(3)),
      wantsSuggestion({ q: 'a b' }, result(30, ['a'])),
      wantsSuggestion({ q: '  ' }, result(0)),
      wantsSuggestion({}, result(0)),
    ]).toEqual([true, true, false, true, false, false]);
  });
});
