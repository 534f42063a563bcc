import { describe, expect, it } from 'vitest';
import {
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

describe('vocabularyIndexOf', () => {
  it('names the vocabulary index after its posts index', () => {
    expect(vocabularyIndexOf('posts')).toEqual('posts-vocabulary');
  });
});
