/**
 * The frozen full-text index of the embedded engine: a sorted vocabulary and, per term, the documents
 * that hold it (ascending dense doc numbers) with the term's precomputed score in each (its "impact").
 */
export type InvertedIndex = {
  /** Every index term, sorted by UTF-16 code units (so prefixes are contiguous ranges). */
  terms: string[];
  /** Term t's postings are `docs[start[t] .. start[t + 1])`. */
  start: Uint32Array;
  /** Doc numbers, ascending within each term. */
  docs: Uint32Array;
  /** The boosted BM25+ score of the term in that doc, summed over the text fields, in units of `scales[t]`. */
  impacts: Uint16Array;
  /** Per term, what one unit of its impacts is worth. */
  scales: Float32Array;
};

/** The index of `term` in a sorted vocabulary, or -1. */
export function termId(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The first vocabulary index whose term is not below `term`. */
export function lowerBound(terms: readonly string[], term: string, from = 0): number {
  let lo = from;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The vocabulary range `[from, to)` of the terms that start with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string, from = 0): [number, number] {
  const lo = lowerBound(terms, prefix, from);
  let a = lo;
  let b = terms.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (terms[mid]!.startsWith(prefix)) a = mid + 1;
    else b = mid;
  }
  return [lo, a];
}

/** How many documents hold term `t`. */
export function docFrequency(index: InvertedIndex, t: number): number {
  return index.start[t + 1]! - index.start[t]!;
}

/** The position of `doc` in term `t`'s postings, or -1. */
export function postingOf(index: InvertedIndex, t: number, doc: number): number {
  const docs = index.docs;
  let lo = index.start[t]!;
  let hi = index.start[t + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = docs[mid]!;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
