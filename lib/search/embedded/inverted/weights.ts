/** BM25+ parameters (MiniSearch's defaults, which the ranking was tuned with). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** How much a prefix or typo match weighs against an exact one (MiniSearch's defaults). */
export const PREFIX_WEIGHT = 0.375;
export const TYPO_WEIGHT = 0.45;

/** One required query word: the typos it allows and whether it also matches as a prefix. */
export type QueryWord = { word: string; typos: number; prefix: boolean };

/** The weight of a prefix match: lower the more letters the query word lacks. */
export function prefixWeight(word: string, term: string): number {
  const distance = term.length - word.length;
  return (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance);
}

/** The weight of a typo match at `distance` edits. */
export function typoWeight(term: string, distance: number): number {
  return (TYPO_WEIGHT * term.length) / (term.length + distance);
}
