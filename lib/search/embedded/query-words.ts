import type { ParsedQuery } from '../query';
import { isNumericToken } from '../tokenize';

/** The text fields of the embedded index, and how much a match in each weighs. */
export const FIELD_BOOSTS = { codeTerms: 6, apiTerms: 4, title: 2, body: 1 } as const;
export type TextField = keyof typeof FIELD_BOOSTS;

/** The text fields in index order. */
export const TEXT_FIELDS: readonly TextField[] = ['codeTerms', 'apiTerms', 'title', 'body'];

/** BM25+ parameters (MiniSearch's defaults, which the ranking was tuned with). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** How much a prefix or typo match weighs against an exact one (MiniSearch's defaults). */
export const PREFIX_WEIGHT = 0.375;
export const TYPO_WEIGHT = 0.45;

/** Edit distance allowed for a query word: none on numbers, codes and short words; 1 from 4 letters, 2 from 8. */
export function typoBudget(term: string): number {
  if (isNumericToken(term) || /\d/.test(term) || term.length < 4) return 0;
  return term.length >= 8 ? 2 : 1;
}

/** One required query word: the typos it allows and whether it also matches as a prefix. */
export type QueryWord = { word: string; typos: number; prefix: boolean };

/** The words of a parsed query that every hit must match: terms, then phrase words; a prefix on the last term. */
export function requiredWords(parsed: ParsedQuery): QueryWord[] {
  const words = [...parsed.terms, ...parsed.phrases.flat()];
  const last = parsed.terms.length - 1;
  return words.map((word, i) => ({
    word,
    typos: typoBudget(word),
    prefix: i === last && word.length >= 3 && !/\d/.test(word),
  }));
}

/** The weight of a prefix match: lower the more letters the query word lacks. */
export function prefixWeight(word: string, term: string): number {
  const distance = term.length - word.length;
  return (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance);
}

/** The weight of a typo match at `distance` edits. */
export function typoWeight(term: string, distance: number): number {
  return (TYPO_WEIGHT * term.length) / (term.length + distance);
}
