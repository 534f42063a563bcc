import type { ParsedQuery } from './query';

/**
 * The query-word limit both engines obey, so they read the same words of a long query and report the same ones
 * as dropped: Meilisearch's, counted the way its tokenizer counts.
 */

/**
 * How many query words Meilisearch reads: `words_limit: 10` (v1.15.2 `crates/milli/src/search/mod.rs`); the
 * parser stops at the 11th term and drops the rest of the query silently
 * (`crates/milli/src/search/new/query_term/parse_query.rs`).
 */
export const QUERY_WORDS_LIMIT = 10;

/** Scripts charabia segments with a dictionary (jieba, lindera, Thai and Khmer word lists): a run may be several words. */
const DICTIONARY_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Khmer}]/u;

/**
 * The words charabia 0.9.6 makes of one of our query tokens: it splits on `.` and `_` (both separators, like `-`),
 * so `ip_recvif` is `ip recvif` and `18.3.2` is `18 3 2`; camelCase is not split (the `latin-camelcase` feature is
 * off in Meilisearch). A run in a dictionary-segmented script counts one word per character: an upper bound, so
 * what we send never exceeds what the server reads.
 */
export function queryWords(token: string): string[] {
  const words: string[] = [];
  for (const piece of token.split(/[._]+/)) {
    if (!piece) continue;
    if (!DICTIONARY_SCRIPT.test(piece)) {
      words.push(piece);
      continue;
    }
    let latin = '';
    for (const char of piece) {
      if (DICTIONARY_SCRIPT.test(char)) {
        if (latin) words.push(latin);
        latin = '';
        words.push(char);
      } else latin += char;
    }
    if (latin) words.push(latin);
  }
  return words;
}

/** A parsed query cut to what both engines read, and the terms and phrases past the limit, in query order. */
export type LimitedQuery = { parsed: ParsedQuery; dropped: string[] };

/**
 * Keep a query within {@link QUERY_WORDS_LIMIT} words: exclusions always (Meilisearch reads them first, outside
 * the count), then phrases (one word each, whatever their length), then terms (as many words as the tokenizer
 * makes of each), while they fit; the first that does not fit and all after it are dropped.
 */
export function limitQueryWords(parsed: ParsedQuery): LimitedQuery {
  const phrases: string[][] = [];
  const terms: string[] = [];
  const dropped: string[] = [];
  let words = 0;
  const fits = (n: number) => dropped.length === 0 && words + n <= QUERY_WORDS_LIMIT;
  for (const phrase of parsed.phrases) {
    if (fits(1)) {
      phrases.push(phrase);
      words += 1;
    } else dropped.push(`"${phrase.join(' ')}"`);
  }
  for (const term of parsed.terms) {
    const n = queryWords(term).length;
    if (fits(n)) {
      terms.push(term);
      words += n;
    } else dropped.push(term);
  }
  return { parsed: { ...parsed, phrases, terms }, dropped };
}
