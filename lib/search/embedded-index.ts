import MiniSearch, { type Options, type Query } from 'minisearch';
import type { Post } from '../posts/schema';
import type { ParsedQuery } from './query';
import { toIndexDocument, type IndexDocument } from './document';
import { indexTokens, isNumericToken } from './tokenize';

/** The text fields of the embedded index, and how much a match in each weighs. */
export const FIELD_BOOSTS = { codeTerms: 6, apiTerms: 4, title: 2, body: 1 } as const;

type TextDoc = Pick<IndexDocument, 'id' | 'codeTerms' | 'apiTerms' | 'title' | 'body'>;

/** MiniSearch options; the same object must be used to build and to load an index. */
export const MINISEARCH_OPTIONS: Options<TextDoc> = {
  idField: 'id',
  fields: Object.keys(FIELD_BOOSTS),
  storeFields: [],
  tokenize: (text) => indexTokens(text),
  processTerm: (term) => term,
  searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
};

/** Build the full-text index of a set of posts. */
export function buildTextIndex(posts: readonly Post[]): MiniSearch<TextDoc> {
  const index = new MiniSearch<TextDoc>(MINISEARCH_OPTIONS);
  index.addAll(
    posts.map((p) => {
      const d = toIndexDocument(p);
      return { id: d.id, codeTerms: d.codeTerms, apiTerms: d.apiTerms, title: d.title, body: d.body };
    }),
  );
  return index;
}

/** Edit distance allowed for a query word: none on numbers, codes and short words; 1 from 4 letters, 2 from 8. */
export function typoBudget(term: string): number {
  if (isNumericToken(term) || /\d/.test(term) || term.length < 4) return 0;
  return term.length >= 8 ? 2 : 1;
}

/** The MiniSearch query for a parsed query: every word required (typos and a prefix on the last), exclusions removed. */
export function textQuery(parsed: ParsedQuery): Query | null {
  const words = [...parsed.terms, ...parsed.phrases.flat()];
  if (words.length === 0) return null;
  const last = parsed.terms.length - 1;
  const required: Query = {
    combineWith: 'AND',
    queries: words.map((term, i) => ({
      queries: [term],
      fuzzy: typoBudget(term),
      prefix: i === last && term.length >= 3 && !/\d/.test(term),
      boost: FIELD_BOOSTS,
    })),
  };
  if (parsed.excludes.length === 0) return required;
  return {
    combineWith: 'AND_NOT',
    queries: [required, { combineWith: 'OR', queries: parsed.excludes, fuzzy: false, prefix: false }],
  };
}
