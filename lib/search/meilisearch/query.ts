import type { MultiSearchQuery } from 'meilisearch';
import { Post } from '../../posts/schema';
import { toIndexDocument } from '../document';
import { prepareHighlight } from '../highlight-query';
import { toSearchHit } from '../hit';
import {
  totalOf,
  type MatchPosition,
  type MeiliDocument,
  type MeiliHit,
  type MeiliSearchResponse,
} from './client';
import { buildFilter } from './filters';
import { FACET_ATTRIBUTES, meiliSort } from './settings';
import type { SearchPlan } from '../plan';
import type { ParsedQuery } from '../query';
import { limitQueryWords, queryWords } from '../word-limit';
import { FACETS, type FacetCounts, type FacetName, type SearchResult } from '../types';

/** Build the stored document of a post. */
export function toMeiliDocument(post: Post): MeiliDocument {
  return { ...post, ...toIndexDocument(post) };
}

/** The query sent to Meilisearch and the parts of the user's query left out of it. */
export type MeiliQuery = {
  q: string;
  /** Terms and phrases past Meilisearch's 10 words, in query order, as they would have been sent. */
  dropped: string[];
};

/**
 * One exclusion: `-word`, or a negative phrase `-"ip_recvif"` when charabia would make several words of it. The
 * phrase holds the token itself, so the server tokenises it as it tokenised the documents (`ip`, `recvif`; a
 * Chinese word through the same dictionary).
 */
function exclusion(word: string): string {
  return queryWords(word).length > 1 ? `-"${word}"` : `-${word}`;
}

/**
 * The query string sent to Meilisearch, rebuilt from the parsed query so no word starts with `-` unless it is an
 * explicit exclusion (`-9836` arrives as the term `9836`). Meilisearch's parser (parse_query.rs) negates only the
 * one word after a `-` that follows a space, so an identifier charabia splits is excluded as a negative phrase
 * (`-IP_RECVIF` → `-"ip_recvif"`, read as the phrase `ip recvif`; never `-ip_recvif`, which would exclude `ip`
 * and require `recvif`). Exclusions
 * come first: they do not count toward the 10 words, but nothing after the 10th word is read. Then phrases (one
 * term each, whatever their length), then terms (as many words as charabia makes of each), while they fit in
 * {@link QUERY_WORDS_LIMIT}; the first that does not fit and all after it are dropped and reported.
 */
export function meiliQuery(parsed: ParsedQuery): MeiliQuery {
  const sent = [
    ...parsed.excludes.map(exclusion),
    ...parsed.excludedPhrases.map((phrase) => `-"${phrase.join(' ')}"`),
  ];
  // The shared word limit decides what is read (a plan's query is already within it; this holds for any query).
  const { parsed: kept, dropped } = limitQueryWords(parsed);
  sent.push(...kept.phrases.map((phrase) => `"${phrase.join(' ')}"`), ...kept.terms);
  // A trailing space ends the last word, so it is not matched as a prefix (`parse_query.rs`).
  return { q: `${sent.join(' ')}${parsed.noPrefix ? ' ' : ''}`, dropped };
}

/** The query string of {@link meiliQuery}. */
export function meiliQueryString(parsed: ParsedQuery): string {
  return meiliQuery(parsed).q;
}

/** Facets with a selection, in facet order: each gets its own counts query. */
export function selectedFacets(plan: SearchPlan): FacetName[] {
  return FACETS.filter((facet) => plan.selected[facet].length > 0);
}

/**
 * One multi-search for a plan: the main query (hits, and counts of facets without a selection), then one
 * `limit: 0` query per selected facet, filtered by everything except that facet, so counts are disjunctive.
 */
export function buildMultiSearch(plan: SearchPlan, indexUid: string): { queries: MultiSearchQuery[] } {
  const q = meiliQueryString(plan.parsed);
  const selected = selectedFacets(plan);
  const filter = buildFilter(plan);
  const sort = meiliSort(plan.sort);
  const main: MultiSearchQuery = {
    indexUid,
    q,
    ...(filter ? { filter } : {}),
    ...(sort.length > 0 ? { sort } : {}),
    facets: FACETS.filter((f) => !selected.includes(f)).map((f) => FACET_ATTRIBUTES[f]),
    page: plan.page,
    hitsPerPage: plan.perPage,
    matchingStrategy: 'all',
    showMatchesPosition: true,
  };
  const counts = selected.map((facet): MultiSearchQuery => {
    const without = buildFilter(plan, facet);
    return {
      indexUid,
      q,
      ...(without ? { filter: without } : {}),
      facets: [FACET_ATTRIBUTES[facet]],
      limit: 0,
      matchingStrategy: 'all',
    };
  });
  return { queries: [main, ...counts] };
}

/** Attributes whose matches feed highlighting. */
const MATCH_FIELDS = ['title', 'body', 'codeTerms', 'apiTerms'] as const;
/** A word's characters: `y`/`g` regexes are made per call, so no `lastIndex` outlives one. */
const WORD_CHARS = '[\\p{L}\\p{N}]+';
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The lowercased words a match points at. Meilisearch gives UTF-8 byte offsets, and some versions count `length`
 * in characters, so the start is converted to a string index and the whole word there is taken (a prefix or
 * typo match yields the indexed word; the reported length is only a fallback); so is every further word that
 * starts within the match, which spans two words where a query word matched as its split (`wifi` → `Wi-Fi`).
 */
function matchedWords(text: string, bytes: Uint8Array | null, position: MatchPosition): string[] {
  let from = position.start;
  let to = position.start + position.length;
  if (bytes) {
    const decoder = new TextDecoder();
    from = decoder.decode(bytes.subarray(0, position.start)).length;
    to = from + decoder.decode(bytes.subarray(position.start, position.start + position.length)).length;
  }
  const wordAt = new RegExp(WORD_CHARS, 'uy');
  wordAt.lastIndex = from;
  const first = wordAt.exec(text)?.[0];
  if (!first) return [text.slice(from, to).toLowerCase()];
  const words = [first.toLowerCase()];
  const word = new RegExp(WORD_CHARS, 'gu');
  word.lastIndex = from + first.length;
  for (let m = word.exec(text); m && m.index < to; m = word.exec(text)) words.push(m[0].toLowerCase());
  return words;
}

/** The index terms a hit matched, sliced out of title, body, codeTerms and apiTerms by `_matchesPosition`. */
export function matchedTermsOf(hit: MeiliHit): string[] {
  const terms = new Set<string>();
  for (const field of MATCH_FIELDS) {
    const text = hit[field];
    const positions = hit._matchesPosition?.[field];
    if (typeof text !== 'string' || !positions) continue;
    const bytes = ASCII.test(text) ? null : new TextEncoder().encode(text);
    for (const position of positions)
      for (const word of matchedWords(text, bytes, position)) if (word) terms.add(word);
  }
  return [...terms];
}

/** Turn the multi-search results of a plan into our SearchResult: Posts, our own highlights, disjunctive counts. */
export function reshapeSearch(plan: SearchPlan, results: readonly MeiliSearchResponse[]): SearchResult {
  const [main, ...countResults] = results;
  if (!main) throw new Error('Meilisearch multi-search returned no results');
  const selected = selectedFacets(plan);
  // A selected facet's counts come from its own query (without its selection); the others from the main query.
  const countsOf = (facet: FacetName) => {
    const at = selected.indexOf(facet);
    const source = at < 0 ? main : countResults[at];
    return { ...source?.facetDistribution?.[FACET_ATTRIBUTES[facet]] };
  };
  const facets: FacetCounts = {
    topic: countsOf('topic'),
    api: countsOf('api'),
    os: countsOf('os'),
    code: countsOf('code'),
    forum: countsOf('forum'),
  };
  const highlight = prepareHighlight(plan.parsed);
  const hits = main.hits.map((hit) => toSearchHit(Post.parse(hit), highlight, matchedTermsOf(hit)));
  const dropped = [...plan.droppedWords, ...meiliQuery(plan.parsed).dropped];
  return {
    total: totalOf(main),
    page: plan.page,
    perPage: plan.perPage,
    tookMs: results.reduce((sum, r) => sum + r.processingTimeMs, 0),
    hits,
    facets,
    ...(dropped.length > 0 ? { droppedWords: dropped } : {}),
  };
}
