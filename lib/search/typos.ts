/** A vocabulary term within the typo budget of a word: its index and its edit distance. */
export type TypoMatch = { term: number; distance: number };

/** The end of the run of terms from `from` on that start with `prefix` (a sorted list: the run is contiguous). */
function prefixEnd(terms: readonly string[], prefix: string, from: number): number {
  let lo = from;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.startsWith(prefix) || terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every term of a sorted vocabulary within `maxDistance` edits of `word` (optimal string alignment:
 * insertions, deletions, substitutions and swaps of two adjacent letters each count one).
 * The sorted vocabulary is walked as an implicit trie: the dynamic-programming rows of a shared prefix are
 * reused, and every term under a prefix that is already too far is skipped with one binary search. Shared by
 * the embedded engine's typo expansion and did-you-mean (`did-you-mean.ts`).
 */
export function typoMatches(terms: readonly string[], word: string, maxDistance: number): TypoMatch[] {
  const m = word.length;
  const width = m + 1;
  const maxDepth = m + maxDistance + 1;
  // rows[depth * width + j]: distance between the term's first `depth` letters and the word's first j.
  const rows = new Int32Array((maxDepth + 1) * width);
  for (let j = 0; j <= m; j++) rows[j] = j;
  const wordCodes = Array.from({ length: m }, (_, j) => word.charCodeAt(j));
  const out: TypoMatch[] = [];
  let path = '';
  let pathDepth = 0;
  let i = 0;
  while (i < terms.length) {
    const term = terms[i]!;
    let depth = 0;
    const common = Math.min(pathDepth, term.length);
    while (depth < common && path.charCodeAt(depth) === term.charCodeAt(depth)) depth++;
    let dead = -1;
    for (; depth < term.length; depth++) {
      if (depth + 1 > maxDepth) {
        dead = depth;
        break;
      }
      const c = term.charCodeAt(depth);
      const row = (depth + 1) * width;
      const prev = depth * width;
      rows[row] = depth + 1;
      let best = depth + 1;
      for (let j = 1; j <= m; j++) {
        let v = Math.min(
          rows[prev + j]! + 1,
          rows[row + j - 1]! + 1,
          rows[prev + j - 1]! + (c === wordCodes[j - 1] ? 0 : 1),
        );
        if (depth > 0 && j > 1 && c === wordCodes[j - 2] && term.charCodeAt(depth - 1) === wordCodes[j - 1]) {
          v = Math.min(v, rows[prev - width + j - 2]! + 1);
        }
        rows[row + j] = v;
        if (v < best) best = v;
      }
      if (best > maxDistance) {
        dead = depth + 1;
        break;
      }
    }
    path = term;
    if (dead >= 0) {
      // No term that starts with term[0, dead) can come within the budget.
      pathDepth = dead - 1;
      i = prefixEnd(terms, term.slice(0, dead), i);
      continue;
    }
    pathDepth = term.length;
    const distance = rows[term.length * width + m]!;
    if (distance <= maxDistance) out.push({ term: i, distance });
    i++;
  }
  return out;
}
