import { postingOf, type InvertedIndex } from './index';

/**
 * Docs where two index terms stand side by side (a query word written as two words in the post,
 * `createUDPSessionToEndpoint` ↔ `create UDPSessionToEndpoint`), ascending, with the pair's score in each.
 */
export type PairPostings = { right: number; docs: Uint32Array; impacts: Float32Array };

/**
 * One way a query word matches: an index term and how much a match through it weighs (1 for the word itself);
 * with `pair`, the docs where `term` and `pair.right` stand next to each other instead of the term's postings.
 */
export type Expansion = { term: number; weight: number; pair?: PairPostings };

/** An expansion's postings: `docs[from, to)` with `impacts` in units of `scale`. */
export type View = { docs: Uint32Array; impacts: ArrayLike<number>; from: number; to: number; scale: number };

/** The postings of an expansion: its term's, or its pair's. */
export function viewOf(index: InvertedIndex, e: Expansion): View {
  if (e.pair)
    return { docs: e.pair.docs, impacts: e.pair.impacts, from: 0, to: e.pair.docs.length, scale: 1 };
  const { start, docs, impacts, scales } = index;
  return { docs, impacts, from: start[e.term]!, to: start[e.term + 1]!, scale: scales[e.term]! };
}

/** The position of `doc` in a view, or -1. */
export function find(view: View, doc: number): number {
  const docs = view.docs;
  let lo = view.from;
  let hi = view.to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = docs[mid]!;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** How many postings an expansion has. */
export function expansionSize(index: InvertedIndex, e: Expansion): number {
  return e.pair ? e.pair.docs.length : index.start[e.term + 1]! - index.start[e.term]!;
}

/** Whether `doc` matches an expansion. */
export function expansionHolds(index: InvertedIndex, e: Expansion, doc: number): boolean {
  return find(viewOf(index, e), doc) >= 0;
}

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
    const cost = (w: readonly Expansion[]) => w.reduce((sum, e) => sum + expansionSize(this.index, e), 0);
    const ordered = words.map((w) => ({ w, cost: cost(w) })).sort((a, b) => a.cost - b.cost);
    if (ordered.length === 0 || ordered[0]!.cost === 0) return this.list.subarray(0, 0);
    let count = this.seed(ordered[0]!.w);
    for (let k = 1; k < ordered.length && count > 0; k++) {
      const { w, cost: scanCost } = ordered[k]!;
      const probeCost = count * w.reduce((s, e) => s + Math.log2(expansionSize(this.index, e) + 2), 0);
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

  /** How many docs match a word through any of its expansions. */
  frequency(word: readonly Expansion[]): number {
    if (word.length === 1) return expansionSize(this.index, word[0]!);
    const { matched, list } = this;
    let count = 0;
    for (const e of word) {
      const { docs, from, to } = viewOf(this.index, e);
      for (let p = from; p < to; p++) {
        const doc = docs[p]!;
        if (matched[doc] === 0) {
          matched[doc] = 1;
          list[count++] = doc;
        }
      }
    }
    for (let i = 0; i < count; i++) matched[list[i]!] = 0;
    return count;
  }

  /** Start the candidates from the first word's postings. */
  private seed(word: readonly Expansion[]): number {
    const { start, docs, impacts, scales } = this.index;
    const { matched, list, scores } = this;
    let count = 0;
    for (const e of word) {
      if (e.pair) {
        count = this.seedPair(e.pair, e.weight, count);
        continue;
      }
      const weight = e.weight * scales[e.term]!;
      for (let p = start[e.term]!, end = start[e.term + 1]!; p < end; p++) {
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

  /** `seed` for a split word's pair postings (kept apart so the term loops stay monomorphic). */
  private seedPair(pair: PairPostings, weight: number, count: number): number {
    const { matched, list, scores } = this;
    for (let p = 0; p < pair.docs.length; p++) {
      const doc = pair.docs[p]!;
      if (matched[doc] === 0) {
        matched[doc] = 1;
        list[count++] = doc;
        scores[doc] = weight * pair.impacts[p]!;
      } else scores[doc]! += weight * pair.impacts[p]!;
    }
    return count;
  }

  /** Add word `k` (0-based) by scanning its postings: docs that matched the k words before move on. */
  private scan(word: readonly Expansion[], k: number): void {
    const { start, docs, impacts, scales } = this.index;
    const { matched, scores } = this;
    for (const e of word) {
      if (e.pair) {
        this.scanPair(e.pair, e.weight, k);
        continue;
      }
      const weight = e.weight * scales[e.term]!;
      for (let p = start[e.term]!, end = start[e.term + 1]!; p < end; p++) {
        const doc = docs[p]!;
        const seen = matched[doc]!;
        if (seen === k) {
          matched[doc] = k + 1;
          scores[doc]! += weight * impacts[p]!;
        } else if (seen === k + 1) scores[doc]! += weight * impacts[p]!;
      }
    }
  }

  /** `scan` for a split word's pair postings. */
  private scanPair(pair: PairPostings, weight: number, k: number): void {
    const { matched, scores } = this;
    for (let p = 0; p < pair.docs.length; p++) {
      const doc = pair.docs[p]!;
      const seen = matched[doc]!;
      if (seen === k) {
        matched[doc] = k + 1;
        scores[doc]! += weight * pair.impacts[p]!;
      } else if (seen === k + 1) scores[doc]! += weight * pair.impacts[p]!;
    }
  }

  /** Add word `k` by looking each remaining candidate up in the word's postings. */
  private probe(word: readonly Expansion[], count: number, k: number): void {
    const { impacts, scales } = this.index;
    for (let i = 0; i < count; i++) {
      const doc = this.list[i]!;
      for (const e of word) {
        if (e.pair) {
          const p = find(viewOf(this.index, e), doc);
          if (p < 0) continue;
          this.matched[doc] = k + 1;
          this.scores[doc]! += e.weight * e.pair.impacts[p]!;
          continue;
        }
        const p = postingOf(this.index, e.term, doc);
        if (p < 0) continue;
        this.matched[doc] = k + 1;
        this.scores[doc]! += e.weight * scales[e.term]! * impacts[p]!;
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
