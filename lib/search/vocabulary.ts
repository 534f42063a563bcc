import { z } from 'zod';
import type { Post } from '../posts/schema';
import { apiAliases } from './api-aliases';
import { searchableTexts } from './document';
import { forEachIndexToken } from './tokenize';
import type { Vocabulary, VocabularyWord } from './types';

/**
 * The words of an index, for did-you-mean: every index term (the tokens and parts of each post's searchable texts,
 * `searchableTexts`) of at least {@link MIN_WORD_LENGTH} characters and no digit, with the number of posts that
 * hold it. Keyed by the term; `form` is how to write it: the spelling of an API class for an identifier
 * (`NEHotspotHelper`), else the term itself; the vocabularies made here iterate in sorted term order. Built at
 * ingest: the embedded engine reads it off its saved index
 * (its terms and their postings), Meilisearch stores it in an index of its own (`meilisearch/vocabulary-index.ts`).
 */
export type { Vocabulary, VocabularyWord };

/**
 * A vocabulary as stored: written forms and, at the same position, post counts; most frequent first, then by
 * term, so the same posts store the same.
 */
export const StoredVocabulary = z
  .object({ words: z.array(z.string().min(1)), counts: z.array(z.number().int().positive()) })
  .refine((v) => v.words.length === v.counts.length, { message: 'words and counts differ in length' });
export type StoredVocabulary = z.infer<typeof StoredVocabulary>;

/** Words shorter than this, and words with a digit (codes, versions), are never corrected nor suggested. */
export const MIN_WORD_LENGTH = 3;

/** Whether an index term is a vocabulary word. */
export const isVocabularyTerm = (term: string) => term.length >= MIN_WORD_LENGTH && !/\d/.test(term);

/**
 * Whether a written form mixes cases with a capital after its first letter: an identifier (`NEHotspotHelper`,
 * `macOS`), not a capitalised word (`Configuration`) nor an acronym (`VPN`).
 */
export const isMixedCase = (form: string) => /\p{Lu}/u.test(form.slice(1)) && /\p{Ll}/u.test(form);

/**
 * The written forms of API class names, by term: each name, each of its aliases (`HotspotHelper`) and each of
 * their pieces between `.` and `_`, when it mixes cases (`NWProtocolTLS.Options` → `NWProtocolTLS`).
 */
export function apiForms(apiNames: Iterable<string>): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (form: string) => {
    if (isMixedCase(form) && !forms.has(form.toLowerCase())) forms.set(form.toLowerCase(), form);
  };
  for (const name of apiNames) {
    for (const alias of apiAliases(name)) {
      add(alias);
      for (const piece of alias.split(/[._]/)) add(piece);
    }
  }
  return forms;
}

/** The vocabulary of index terms with their post counts, written as the API classes write them. */
export function vocabularyOf(
  terms: Iterable<readonly [term: string, posts: number]>,
  apiNames: Iterable<string>,
): Vocabulary {
  const forms = apiForms(apiNames);
  const kept = Array.from(terms).filter(([term, count]) => count > 0 && isVocabularyTerm(term));
  return new Map(bySortedTerm(kept).map(([term, count]) => [term, { form: forms.get(term) ?? term, count }]));
}

/** The vocabulary of some posts: each index term of their searchable texts, counted once per post. */
export function buildVocabulary(posts: readonly Post[]): Vocabulary {
  const tallies = new Map<string, { count: number; lastPost: number }>();
  const apiNames = new Set<string>();
  posts.forEach((post, doc) => {
    for (const api of post.apiClasses) apiNames.add(api);
    for (const text of searchableTexts(post)) {
      forEachIndexToken(text, (term) => {
        const tally = tallies.get(term);
        if (!tally) tallies.set(term, { count: 1, lastPost: doc });
        else if (tally.lastPost !== doc) {
          tally.count++;
          tally.lastPost = doc;
        }
      });
    }
  });
  return vocabularyOf(
    Array.from(tallies, ([term, { count }]) => [term, count] as const),
    apiNames,
  );
}

/**
 * The vocabulary of an index after an upsert, from its vocabulary before (`current`, that of its posts), without
 * reading its other posts: each word's count less the posts `replaced` that held it, plus the posts of `posts`
 * that hold it; a word no post holds any more is gone. `replaced` are the index's own versions of the posts of
 * `posts` it held, each once, and each holds the same API classes as its new version (an `ingest --add` merge
 * keeps a post's enrichment): then a word's spelling stays that of `current` (the first post to claim it comes
 * first), and a new word takes the spelling of the new posts' API classes, as `buildVocabulary` of every post
 * after the upsert (`upsertById`) gives.
 */
export function vocabularyAfterUpsert(
  current: Vocabulary,
  replaced: readonly Post[],
  posts: readonly Post[],
): Vocabulary {
  const removed = buildVocabulary(replaced);
  const added = buildVocabulary([...new Map(posts.map((post) => [post.id, post])).values()]);
  const entries: Array<readonly [string, VocabularyWord]> = [];
  for (const term of new Set([...current.keys(), ...added.keys()])) {
    const held = current.get(term);
    const count = (held?.count ?? 0) - (removed.get(term)?.count ?? 0) + (added.get(term)?.count ?? 0);
    if (count <= 0) continue;
    // A spelling `current` holds came from the API class of a post that still holds the word.
    const form = held && held.form !== term ? held.form : (added.get(term)?.form ?? term);
    entries.push([term, { form, count }]);
  }
  return new Map(bySortedTerm(entries));
}

/** A vocabulary in its stored shape. */
export function storedVocabulary(vocabulary: Vocabulary): StoredVocabulary {
  const entries = [...vocabulary].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  return { words: entries.map(([, w]) => w.form), counts: entries.map(([, w]) => w.count) };
}

/** The vocabulary a stored one holds (a word stored twice keeps its first, most frequent, entry). */
export function vocabularyFrom({ words, counts }: StoredVocabulary): Vocabulary {
  const entries = new Map<string, VocabularyWord>();
  words.forEach((form, i) => {
    const key = form.toLowerCase();
    if (!entries.has(key)) entries.set(key, { form, count: counts[i]! });
  });
  return new Map(bySortedTerm([...entries]));
}

/** Entries in sorted term order (UTF-16 code units): a vocabulary iterates so, for the typo walk. */
export function bySortedTerm<T>(entries: Array<readonly [string, T]>): Array<readonly [string, T]> {
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
