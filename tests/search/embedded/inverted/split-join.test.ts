import { describe, expect, it } from 'vitest';
import { buildInvertedIndex } from '@/lib/search/embedded/inverted/build';
import { termId } from '@/lib/search/embedded/inverted/index';
import { TextMatcher } from '@/lib/search/embedded/inverted/match';
import {
  SPLIT_CHECK_LIMIT,
  SPLIT_JOIN_WEIGHT,
  splitExpansion,
} from '@/lib/search/embedded/inverted/split-join';

/** An index over bodies only (code, API and title fields empty). */
const indexOf = (bodies: readonly string[]) =>
  buildInvertedIndex(bodies.length, (doc) => ['', '', '', bodies[doc]!]);

/** The adjacency test the engine runs: the two terms side by side in the doc's words. */
const adjacentIn =
  (bodies: readonly string[]) =>
  (doc: number, left: string, right: string): boolean =>
    ` ${bodies[doc]!.toLowerCase()
      .split(/[^a-z0-9]+/)
      .join(' ')} `.includes(` ${left} ${right} `);

const BODIES = [
  'wifi drops', // 0: the word itself
  'the Wi-Fi drops', // 1: its split, side by side
  'wi then fi', // 2: both halves, apart
  'wifi and Wi-Fi', // 3: both
  'cellular', // 4: neither
];

describe('splitExpansion', () => {
  const index = indexOf(BODIES);

  it('derives the split of a word the index holds, kept to the docs where its halves stand side by side', () => {
    expect(termId(index.terms, 'wifi')).toBeGreaterThanOrEqual(0);
    const [split, ...rest] = splitExpansion(index, 'wifi', adjacentIn(BODIES));
    expect(rest).toEqual([]);
    expect({
      left: index.terms[split!.term],
      right: index.terms[split!.pair!.right],
      weight: split!.weight,
      docs: Array.from(split!.pair!.docs),
    }).toEqual({ left: 'wi', right: 'fi', weight: SPLIT_JOIN_WEIGHT, docs: [1, 3] });
  });

  it('derives it for a word the index lacks as well', () => {
    const bodies = ['create UDPSessionToEndpoint', 'create session'];
    const lacking = indexOf(bodies);
    expect(termId(lacking.terms, 'createudpsessiontoendpoint')).toEqual(-1);
    const [split] = splitExpansion(lacking, 'createudpsessiontoendpoint', adjacentIn(bodies));
    expect(Array.from(split!.pair!.docs)).toEqual([0]);
  });

  it('matches a held word through itself and its split, the split weighing below the word', () => {
    const matcher = new TextMatcher(index, BODIES.length);
    const wifi = termId(index.terms, 'wifi');
    const words = [[{ term: wifi, weight: 1 }, ...splitExpansion(index, 'wifi', adjacentIn(BODIES))]];
    expect(Array.from(matcher.match(words, [])).sort()).toEqual([0, 1, 3]);
    expect(SPLIT_JOIN_WEIGHT).toBeLessThan(1);
  });

  it('derives none for a word under four letters, nor where no post has the halves side by side', () => {
    expect(splitExpansion(indexOf(['wi fi', 'wif']), 'wif', adjacentIn(['wi fi', 'wif']))).toEqual([]);
    expect(splitExpansion(index, 'thendrops', adjacentIn(BODIES))).toEqual([]);
  });

  it('checks no pair when more docs hold both halves than the cap', () => {
    const bodies = Array.from({ length: SPLIT_CHECK_LIMIT + 1 }, () => 'Wi-Fi');
    let checked = 0;
    const split = splitExpansion(indexOf(bodies), 'wifi', () => {
      checked++;
      return true;
    });
    expect({ split, checked }).toEqual({ split: [], checked: 0 });
  });
});
