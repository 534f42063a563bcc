import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredWords } from '@/lib/search/embedded/query-words';
import { expandWord } from '@/lib/search/embedded/inverted/expand';
import { typoMatches } from '@/lib/search/typos';
import { parseQuery } from '@/lib/search/query';

describe('typo and prefix expansion', () => {
  const vocabulary = [
    'configuration',
    'configure',
    'handshake',
    'hotspot',
    'hotspots',
    'packet',
    'pocket',
    'proxy',
  ].sort();

  it('finds terms within the edit budget, a swap of two letters counting as one edit', () => {
    const found = (word: string, max: number) =>
      typoMatches(vocabulary, word, max).map((m) => [vocabulary[m.term], m.distance]);
    expect(found('pakcet', 1)).toEqual([['packet', 1]]);
    expect(found('hotspt', 1)).toEqual([['hotspot', 1]]);
    expect(found('configuraton', 2)).toEqual([['configuration', 1]]);
    expect(found('handshke', 2)).toEqual([['handshake', 1]]);
    expect(found('pcket', 1)).toEqual([
      ['packet', 1],
      ['pocket', 1],
    ]);
    expect(found('proxy', 0)).toEqual([['proxy', 0]]);
  });

  it('agrees with a brute-force edit distance on random vocabularies', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(
            d[i - 1]![j]! + 1,
            d[i]![j - 1]! + 1,
            d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 40 }),
        word,
        fc.integer({ min: 0, max: 2 }),
        (terms, query, max) => {
          const sorted = [...terms].sort();
          const expected = sorted.flatMap((t, i) =>
            osa(t, query) <= max ? [{ term: i, distance: osa(t, query) }] : [],
          );
          expect(typoMatches(sorted, query, max)).toEqual(expected);
        },
      ),
      { numRuns: 500, seed: 1313 },
    );
  });

  it('weighs the word itself above the terms it begins and those above typo matches', () => {
    const [word] = requiredWords(parseQuery('hotspot'));
    const weights = expandWord(vocabulary, word!).map((e) => [
      vocabulary[e.term],
      Math.round(e.weight * 1000) / 1000,
    ]);
    expect(weights).toEqual([
      ['hotspot', 1],
      ['hotspots', 0.361],
    ]);
    const [typo] = requiredWords(parseQuery('pcket'));
    expect(
      expandWord(vocabulary, typo!).map((e) => [vocabulary[e.term], Math.round(e.weight * 1000) / 1000]),
    ).toEqual([
      ['packet', 0.386],
      ['pocket', 0.386],
    ]);
  });
});
