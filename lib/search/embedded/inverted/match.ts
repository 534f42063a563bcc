import { docFrequency, postingOf, type InvertedIndex } from './index';

/** One index term a query word matches, and how much a match through it weighs (1 for the word itself). */
export type Expansion = { term: number; weight: number };

/**
 * AND matching over an inverted index with reusable scratch arrays (one matcher per loaded index; not
 * re-entrant: the result is valid until the next call). Words are intersected rarest first; a word with few
 * remaining candidates is checked by binary search in its postings instead of a scan.
 */
export class TextMatcher {
  /** The score of each doc in the last match (only meaningful for the docs it returned). */
  readonly scores: Float64Array;
  /** How many words a doc has matched so far in the current call; 0 outside a call. */
  private readonly matched: Uint16Array;
  private readonly list: Uint32Array;

  constructor(
    private readonly index: InvertedIndex,
    docCount: number,
  ) {
    this.scores = new Float64Array(docCount);
    this.matched = new Uint16Array(docCount);
    this.list = new Uint32Array(docCount);
  }

  /** The docs that match every word (through any of its expansions) and none of the excluded terms (ascending when many). */
  match(words: ReadonlyArray<readonly Expansion[]>, excluded: readonly number[]): Uint32Array {
    const cost = (w: readonly Expansion[]) => w.reduce((sum, e) => sum + docFrequency(this.index, e.term), 0);
    const ordered = words.map((w) => ({ w, cost: cost(w) })).sort((a, b) => a.cost - b.cost);
    if (ordered.length === 0 || ordered[0]!.cost === 0) return this.list.subarray(0, 0);
    let count = this.seed(ordered[0]!.w);
    for (let k = 1; k < ordered.length && count > 0; k++) {
      const { w, cost: scanCost } = ordered[k]!;
      const probeCost = count * w.reduce((s, e) => s + Math.log2(docFrequency(this.index, e.term) + 2), 0);
      if (probeCost < scanCost) this.probe(w, count, k);
      else this.scan(w, k);
      count = this.keep(count, k + 1);
    }
    if (count > 0 && excluded.length > 0) count = this.exclude(excluded, count, ordered.length);
    const { matched, list } = this;
    const all = ordered.length;
    if (count > matched.length >>> 4) {
      // A large result: collect it by one sequential sweep, so it comes out ascending (what the filter and
      // facet passes read fastest), resetting as it goes.
      count = 0;
      for (let doc = 0; doc < matched.length; doc++) {
        list[count] = doc;
        count += matched[doc] === all ? 1 : 0;
      }
      matched.fill(0);
    } else for (let i = 0; i < count; i++) matched[list[i]!] = 0;
    return list.subarray(0, count);
  }

  /** Start the candidates from the first word's postings. */
  private seed(word: readonly Expansion[]): number {
    const { start, docs, impacts, scales } = this.index;
    const { matched, list, scores } = this;
    let count = 0;
    for (const { term, weight: w } of word) {
      const weight = w * scales[term]!;
      for (let p = start[term]!, end = start[term + 1]!; p < end; p++) {
        const doc = docs[p]!;
        if (matched[doc] === 0) {
          matched[doc] = 1;
          list[count++] = doc;
          scores[doc] = weight * impacts[p]!;
        } else scores[doc]! += weight * impacts[p]!;
      }
    }
    return count;
  }

  /** Add word `k` (0-based) by scanning its postings: docs that matched the k words before move on. */
  private scan(word: readonly Expansion[], k: number): void {
    const { start, docs, impacts, scales } = this.index;
    const { matched, scores } = this;
    for (const { term, weight: w } of word) {
      const weight = w * scales[term]!;
      for (let p = start[term]!, end = start[term + 1]!; p < end; p++) {
        const doc = docs[p]!;
        const seen = matched[doc]!;
        if (seen === k) {
          matched[doc] = k + 1;
          scores[doc]! += weight * impacts[p]!;
        } else if (seen === k + 1) scores[doc]! += weight * impacts[p]!;
      }
    }
  }

  /** Add word `k` by looking each remaining candidate up in the word's postings. */
  private probe(word: readonly Expansion[], count: number, k: number): void {
    const { impacts, scales } = this.index;
    for (let i = 0; i < count; i++) {
      const doc = this.list[i]!;
      for (const { term, weight } of word) {
        const p = postingOf(this.index, term, doc);
        if (p < 0) continue;
        this.matched[doc] = k + 1;
        this.scores[doc]! += weight * scales[term]! * impacts[p]!;
      }
    }
  }

  /** Keep the candidates that matched `words` words; reset the others. */
  private keep(count: number, words: number): number {
    const { matched, list } = this;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const doc = list[i]!;
      if (matched[doc] === words) list[kept++] = doc;
      else matched[doc] = 0;
    }
    return kept;
  }

  /** Drop candidates that hold an excluded term. */
  private exclude(excluded: readonly number[], count: number, words: number): number {
    const { start, docs } = this.index;
    const matched = this.matched;
    for (const term of excluded) {
      for (let p = start[term]!, end = start[term + 1]!; p < end; p++) {
        const doc = docs[p]!;
        if (matched[doc] === words) matched[doc] = words + 1;
      }
    }
    return this.keep(count, words);
  }
}
