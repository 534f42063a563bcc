import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInvertedIndex } from '@/lib/search/embedded/inverted/build';
import { termId } from '@/lib/search/embedded/inverted/index';
import { TextMatcher, type Expansion } from '@/lib/search/embedded/inverted/match';
import { PartialMatcher } from '@/lib/search/embedded/inverted/partial';

/** An index over bodies only (code, API and title fields empty). */
const indexOf = (bodies: readonly string[]) =>
  buildInvertedIndex(bodies.length, (doc) => ['', '', '', bodies[doc]!]);

const BODIES = ['vpn tunnel stuck', 'vpn safari', 'tunnel never starts', 'widget', 'vpn tunnel safari'];

describe('one-pass partial matching', () => {
  const index = indexOf(BODIES);
  const word = (w: string): Expansion[] => [{ term: termId(index.terms, w), weight: 1 }];

  it('without a mandatory part: every doc holding a word, the words it holds, and how many docs hold each', () => {
    const partial = new PartialMatcher(index, BODIES.length);
    const docs = Array.from(partial.run([word('vpn'), word('safari'), word('never')], null)).sort();
    expect(docs).toEqual([0, 1, 2, 4]);
    expect(docs.map((doc) => partial.held(doc))).toEqual([0b001, 0b011, 0b100, 0b011]);
    expect(partial.frequencies(3)).toEqual([3, 2, 1]);
  });

  it('with a mandatory part: only its docs, their scores carried over', () => {
    const matcher = new TextMatcher(index, BODIES.length);
    const tunnel = matcher.match([word('tunnel')], []);
    const mandatory = { docs: Array.from(tunnel), scores: Float64Array.from(matcher.scores) };
    const partial = new PartialMatcher(index, BODIES.length);
    const docs = Array.from(partial.run([word('vpn'), word('safari')], mandatory)).sort();
    expect(docs).toEqual([0, 2, 4]);
    expect(docs.map((doc) => partial.held(doc))).toEqual([0b01, 0b00, 0b11]);
    expect(partial.scores[2]).toEqual(mandatory.scores[2]);
  });

  it('starts each call afresh', () => {
    const partial = new PartialMatcher(index, BODIES.length);
    partial.run([word('vpn')], null);
    expect(Array.from(partial.run([word('widget')], null))).toEqual([3]);
    expect(partial.held(0)).toEqual(0);
  });

  it('holds what a scan of each doc holds, and its keys order by rank, then score', () => {
    const vocabulary = ['a', 'b', 'c', 'd', 'e'];
    const doc = fc.array(fc.constantFrom(...vocabulary), { maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1 }),
        (bodies, words) => {
          const idx = indexOf(bodies);
          const present = words.filter((w) => termId(idx.terms, w) >= 0);
          const expansions = present.map((w): Expansion[] => [{ term: termId(idx.terms, w), weight: 1 }]);
          const partial = new PartialMatcher(idx, bodies.length);
          const got = Array.from(partial.run(expansions, null)).sort((x, y) => x - y);
          const expected = bodies.flatMap((body, d) =>
            present.some((w) => body.split(' ').includes(w)) ? [d] : [],
          );
          expect(got).toEqual(expected);
          for (const d of got) {
            const mask = present.reduce(
              (m, w, i) => (bodies[d]!.split(' ').includes(w) ? m | (1 << i) : m),
              0,
            );
            expect(partial.held(d)).toEqual(mask);
          }
          // Rank: the number of words lacking.
          const ranks = Uint16Array.from(
            { length: 1 << present.length },
            (_, m) => present.length - popcount(m),
          );
          const keys = partial.rankKeys(got, ranks);
          for (const x of got)
            for (const y of got) {
              const [rx, ry] = [ranks[partial.held(x)]!, ranks[partial.held(y)]!];
              if (rx < ry || (rx === ry && partial.scores[x]! > partial.scores[y]!))
                expect(keys[x]).toBeGreaterThan(keys[y]!);
            }
        },
      ),
      { seed: 1313 },
    );
  });
});

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}
