import { describe, expect, it } from 'vitest';
import {
  changeChunk,
  vocabularyChunks,
  vocabularyIndexOf,
  vocabularyOfHits,
} from '@/lib/search/meilisearch/vocabulary-index';

describe('vocabularyChunks', () => {
  it('cuts the vocabulary in chunks of 20,000 words, most frequent first', () => {
    const vocabulary = new Map(
      Array.from({ length: 45_000 }, (_, i) => [`w${i}`, { form: `w${i}`, count: 45_000 - i }]),
    );
    const chunks = vocabularyChunks(vocabulary);
    expect(chunks.map((c) => [c.id, c.words.length, c.words[0], c.counts[0]])).toEqual([
      [0, 20_000, 'w0', 45_000],
      [1, 20_000, 'w20000', 25_000],
      [2, 5_000, 'w40000', 5_000],
    ]);
  });
});

describe('vocabularyOfHits', () => {
  it('joins every chunk, whatever order the search returned them in, into a vocabulary in term order', () => {
    const hits = [
      { id: 1, words: ['tunnel'], counts: [2] },
      { id: 0, words: ['vpn'], counts: [9] },
    ];
    expect([...vocabularyOfHits(hits, 'posts-vocabulary')]).toEqual([
      ['tunnel', { form: 'tunnel', count: 2 }],
      ['vpn', { form: 'vpn', count: 9 }],
    ]);
  });

  it('names the index of a document of another shape', () => {
    expect(() => vocabularyOfHits([{ id: 0, words: 'vpn' }], 'x-vocabulary')).toThrow(
      'Meilisearch index "x-vocabulary" holds a document that is not a vocabulary chunk: run npm run ingest again.',
    );
  });
});

describe('chunks of changes', () => {
  it('reads each chunk of changes over the chunks before it: a new count or spelling, 0 for a word gone', () => {
    const hits = [
      { id: 1001, words: ['HotspotHelper', 'vpn'], counts: [2, 0] },
      { id: 0, words: ['vpn', 'tunnel', 'hotspothelper'], counts: [9, 2, 1] },
      { id: 1000, words: ['proxy', 'vpn'], counts: [1, 8] },
    ];
    expect([...vocabularyOfHits(hits, 'posts-vocabulary')]).toEqual([
      ['hotspothelper', { form: 'HotspotHelper', count: 2 }],
      ['proxy', { form: 'proxy', count: 1 }],
      ['tunnel', { form: 'tunnel', count: 2 }],
    ]);
  });

  it('names the index of a chunk of changes missing, and of a count of 0 outside a chunk of changes', () => {
    expect(() => vocabularyOfHits([{ id: 1001, words: ['vpn'], counts: [1] }], 'x-vocabulary')).toThrow(
      'Meilisearch index "x-vocabulary" lacks a chunk of the vocabulary: run npm run ingest again.',
    );
    expect(() => vocabularyOfHits([{ id: 0, words: ['vpn'], counts: [0] }], 'x-vocabulary')).toThrow(
      'Meilisearch index "x-vocabulary" holds a document that is not a vocabulary chunk: run npm run ingest again.',
    );
  });

  it('holds every word whose count or spelling differs, in term order, 0 for a word gone; none when none', () => {
    const word = (form: string, count: number) => [form.toLowerCase(), { form, count }] as const;
    const before = new Map([word('tunnel', 2), word('vpn', 9), word('hotspothelper', 1)]);
    const after = new Map([word('HotspotHelper', 1), word('proxy', 1), word('tunnel', 2)]);
    expect(changeChunk(before, after, 1003)).toEqual({
      id: 1003,
      words: ['HotspotHelper', 'proxy', 'vpn'],
      counts: [1, 1, 0],
    });
    expect(changeChunk(after, after, 1003)).toEqual(null);
  });
});

describe('vocabularyIndexOf', () => {
  it('names the vocabulary index after its posts index', () => {
    expect(vocabularyIndexOf('posts')).toEqual('posts-vocabulary');
  });
});
