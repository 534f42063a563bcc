import type { ParsedQuery } from '../query';
import { isNumericToken } from '../tokenize';
import type { QueryWord } from './inverted/weights';

export type { QueryWord } from './inverted/weights';

/** Edit distance allowed for a query word: none on numbers, codes and short words; 1 from 4 letters, 2 from 8. */
export function typoBudget(term: string): number {
  if (isNumericToken(term) || /\d/.test(term) || term.length < 4) return 0;
  return term.length >= 8 ? 2 : 1;
}

/** The words of a parsed query that every hit must match: terms, then phrase words; a prefix on the last term. */
export function requiredWords(parsed: ParsedQuery): QueryWord[] {
  const words = [...parsed.terms, ...parsed.phrases.flat()];
  const last = parsed.noPrefix ? -1 : parsed.terms.length - 1;
  return words.map((word, i) => ({
    word,
    typos: typoBudget(word),
    prefix: i === last && word.length >= 3 && !/\d/.test(word),
  }));
}
