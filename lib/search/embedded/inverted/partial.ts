import type { InvertedIndex } from './index';
import { expansionSize, find, viewOf, type Expansion } from './match';

/** The most droppable words one pass tracks (a query reads at most 10 words: `word-limit.ts`). */
export const MAX_PARTIAL_WORDS = 15;

/** Set in `masks[doc]` for a doc of the current candidates. */
const CANDIDATE = 1 << MAX_PARTIAL_WORDS;

/** The docs of a mandatory part and their scores over it, as `TextMatcher.match` returns them. */
export type MandatoryMatch = { docs: ArrayLike<number>; scores: Float64Array };

/**
 * Partial matching in one pass over the postings of every droppable word (one matcher per loaded index; not
 * re-entrant: the result is valid until the next call): per candidate, which of the words it holds (a bit mask)
 * and its score over the words it holds. The candidates are the docs of the mandatory part when the query has
 * one, else every doc that holds at least one of the words.
 */
export class PartialMatcher {
  /** Per doc of the last call's candidates: its score over the mandatory part and the words it holds. */
  readonly scores: Float64Array;
  /** Per doc of the last `rankKeys` call's docs: a number that orders them as rank, then score do (higher first). */
  readonly keys: Float64Array;
  /** Per doc of the last call's candidates: bit i set when it holds word i (plus a candidate flag, bit 15). */
  private readonly masks: Uint16Array;
  private readonly list: Uint32Array;
  private count = 0;
  /** Per word of the last call without a mandatory part, how many docs hold it. */
  private readonly counts = new Uint32Array(MAX_PARTIAL_WORDS);

  constructor(
    private readonly index: InvertedIndex,
    docCount: number,
  ) {
    this.scores = new Float64Array(docCount);
    this.keys = new Float64Array(docCount);
    this.masks = new Uint16Array(docCount);
    this.list = new Uint32Array(docCount);
  }

  /** The bit mask of the words `doc` holds (a doc of the last call's candidates). */
  held(doc: number): number {
    return this.masks[doc]! & (CANDIDATE - 1);
  }

  /**
   * The candidates (see the class), for at most {@link MAX_PARTIAL_WORDS} words, each through any of its
   * expansions; `mandatory`: the docs of the mandatory part, or null when the query has none.
   */
  run(words: ReadonlyArray<readonly Expansion[]>, mandatory: MandatoryMatch | null): Uint32Array {
    if (words.length > MAX_PARTIAL_WORDS) throw new RangeError(`at most ${MAX_PARTIAL_WORDS} words`);
    const { masks, list, scores } = this;
    for (let i = 0; i < this.count; i++) masks[list[i]!] = 0;
    this.count = 0;
    this.counts.fill(0);
    if (mandatory) {
      const { docs } = mandatory;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        list[i] = doc;
        masks[doc] = CANDIDATE;
        scores[doc] = mandatory.scores[doc]!;
      }
      this.count = docs.length;
      words.forEach((word, w) => {
        for (const e of word) this.addTo(e, 1 << w);
      });
    } else {
      words.forEach((word, w) => {
        for (const e of word) this.counts[w]! += this.union(e, 1 << w);
      });
      // A large union: collect it again by one sequential sweep, so it comes out ascending (what the filter and
      // facet passes read fastest).
      if (this.count > masks.length >>> 4) {
        let count = 0;
        for (let doc = 0; doc < masks.length; doc++) {
          list[count] = doc;
          count += masks[doc] === 0 ? 0 : 1;
        }
      }
    }
    return list.subarray(0, this.count);
  }

  /**
   * Fill `keys` for `docs` (of the last call's candidates) with `ranks[held mask]` (lower first) folded above the
   * score: higher first, equal ranks by score. Monotone, so a key below another always means a worse rank or a
   * lower score: a safe first key for `topK` (rounding can merge two keys, never swap them).
   */
  rankKeys(docs: ArrayLike<number>, ranks: Uint16Array): Float64Array {
    const { keys, scores, masks } = this;
    let max = 0;
    for (let i = 0; i < docs.length; i++) max = Math.max(max, Math.abs(scores[docs[i]!]!));
    const span = 2 * max + 1;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      keys[doc] = scores[doc]! - ranks[masks[doc]! & (CANDIDATE - 1)]! * span;
    }
    return keys;
  }

  /**
   * How many docs hold each of the first `n` words of the last call without a mandatory part (through any of
   * its expansions: the frequency the drop rule reads).
   */
  frequencies(n: number): number[] {
    return Array.from(this.counts.subarray(0, n));
  }

  /** Add an expansion's docs to the candidates, with `bit`; how many docs gained the bit. */
  private union(e: Expansion, bit: number): number {
    const { masks, list, scores } = this;
    const { docs, impacts, from, to, scale } = viewOf(this.index, e);
    const weight = e.weight * scale;
    let count = this.count;
    let gained = 0;
    for (let p = from; p < to; p++) {
      const doc = docs[p]!;
      const mask = masks[doc]!;
      if (mask === 0) {
        list[count++] = doc;
        masks[doc] = CANDIDATE | bit;
        scores[doc] = weight * impacts[p]!;
        gained++;
      } else {
        gained += (mask & bit) === 0 ? 1 : 0;
        masks[doc] = mask | bit;
        scores[doc]! += weight * impacts[p]!;
      }
    }
    this.count = count;
    return gained;
  }

  /** Mark `bit` on the candidates an expansion holds: by a scan of its postings or a lookup per candidate. */
  private addTo(e: Expansion, bit: number): void {
    const { masks, list, scores } = this;
    const size = expansionSize(this.index, e);
    const view = viewOf(this.index, e);
    const { docs, impacts, from, to, scale } = view;
    const weight = e.weight * scale;
    if (this.count * Math.log2(size + 2) < size) {
      for (let i = 0; i < this.count; i++) {
        const doc = list[i]!;
        const p = find(view, doc);
        if (p < 0) continue;
        masks[doc]! |= bit;
        scores[doc]! += weight * impacts[p]!;
      }
      return;
    }
    for (let p = from; p < to; p++) {
      const doc = docs[p]!;
      if (masks[doc]! < CANDIDATE) continue;
      masks[doc]! |= bit;
      scores[doc]! += weight * impacts[p]!;
    }
  }
}
