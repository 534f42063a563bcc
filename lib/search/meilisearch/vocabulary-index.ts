import { z } from 'zod';
import { EngineError } from '../../errors';
import {
  bySortedTerm,
  storedVocabulary,
  vocabularyFrom,
  type Vocabulary,
  type VocabularyWord,
} from '../vocabulary';

/**
 * The vocabulary on Meilisearch, which has no API to list an index's words: a small index beside the posts,
 * `<index>-vocabulary`, written by the ingest before the swap and swapped with the posts in the same task, so it
 * always describes the live index. It holds the stored vocabulary (`vocabulary.ts`) cut in chunks of
 * {@link VOCABULARY_CHUNK_WORDS} words, one document each: written in one addDocuments request, read back in one
 * placeholder search (a search-only key may make it). `ingest --add` adds a chunk of changes after them (ids from
 * {@link FIRST_CHANGE_ID}): the words whose count or spelling changed, a count of 0 for a word gone, each chunk of
 * changes read over the chunks before it; past {@link MAX_VOCABULARY_CHANGES} chunks of changes or
 * {@link VOCABULARY_CHUNK_WORDS} changed words, the add writes the whole vocabulary afresh instead.
 */

/** Words per document: a chunk of the most frequent 20,000 words is about 300 kB of JSON. */
export const VOCABULARY_CHUNK_WORDS = 20_000;
/** Chunks read back at most: a placeholder search returns up to 1,000 hits (the default `maxTotalHits`). */
export const MAX_VOCABULARY_CHUNKS = 1000;
/** The id of the first chunk of changes: above every chunk of a whole vocabulary (at most 1,000 of them). */
export const FIRST_CHANGE_ID = MAX_VOCABULARY_CHUNKS;
/** Chunks of changes kept at most: the add after them writes the whole vocabulary afresh. */
export const MAX_VOCABULARY_CHANGES = 16;

/** The vocabulary index of a posts index. */
export const vocabularyIndexOf = (indexName: string) => `${indexName}-vocabulary`;

/** Nothing of a chunk is searched for: only the primary key is searchable, so its words are not indexed. */
export const VOCABULARY_SETTINGS = { searchableAttributes: ['id'] };

/**
 * One chunk: its position in the vocabulary (most frequent words first), its words and their post counts; or, from
 * {@link FIRST_CHANGE_ID} on, a chunk of changes, where a count of 0 is a word gone.
 */
export const VocabularyChunk = z.object({
  id: z.number().int().nonnegative(),
  words: z.array(z.string().min(1)),
  counts: z.array(z.number().int().nonnegative()),
});
export type VocabularyChunk = z.infer<typeof VocabularyChunk>;

/** Whether a chunk holds changes (`--add`) rather than a part of a whole vocabulary. */
export const isChangeChunk = (chunk: VocabularyChunk) => chunk.id >= FIRST_CHANGE_ID;

/** The documents of a vocabulary: chunks 0, 1, … of its stored form. */
export function vocabularyChunks(vocabulary: Vocabulary): VocabularyChunk[] {
  const { words, counts } = storedVocabulary(vocabulary);
  const chunks: VocabularyChunk[] = [];
  for (let at = 0; at < words.length; at += VOCABULARY_CHUNK_WORDS) {
    const end = at + VOCABULARY_CHUNK_WORDS;
    chunks.push({ id: chunks.length, words: words.slice(at, end), counts: counts.slice(at, end) });
  }
  if (chunks.length > MAX_VOCABULARY_CHUNKS)
    throw new EngineError(
      `The vocabulary of ${words.length} words is more than Meilisearch can return in one search.`,
    );
  return chunks;
}

/**
 * The chunk of changes, numbered `id`, that turns `before` into `after`: every word whose count or spelling
 * differs, in term order, with its count in `after` (0 when it is gone); null when they hold the same.
 */
export function changeChunk(before: Vocabulary, after: Vocabulary, id: number): VocabularyChunk | null {
  const changed: Array<[string, VocabularyWord]> = [];
  for (const [term, word] of after) {
    const old = before.get(term);
    if (!old || old.count !== word.count || old.form !== word.form) changed.push([term, word]);
  }
  for (const [term, word] of before) if (!after.has(term)) changed.push([term, { ...word, count: 0 }]);
  if (changed.length === 0) return null;
  const sorted = bySortedTerm(changed);
  return { id, words: sorted.map(([, w]) => w.form), counts: sorted.map(([, w]) => w.count) };
}

/**
 * The chunks a placeholder search returned, in id order: chunks 0, 1, … of a whole vocabulary, then chunks of
 * changes from {@link FIRST_CHANGE_ID}, none missing. A document of another shape, a chunk missing or a count of 0
 * outside a chunk of changes names the index.
 */
export function chunksOfHits(hits: readonly unknown[], indexUid: string): VocabularyChunk[] {
  const chunks = hits.map((hit) => {
    const chunk = VocabularyChunk.safeParse(hit);
    if (
      !chunk.success ||
      chunk.data.words.length !== chunk.data.counts.length ||
      (!isChangeChunk(chunk.data) && chunk.data.counts.includes(0))
    )
      throw new EngineError(
        `Meilisearch index "${indexUid}" holds a document that is not a vocabulary chunk: run npm run ingest again.`,
      );
    return chunk.data;
  });
  chunks.sort((a, b) => a.id - b.id);
  const whole = chunks.filter((chunk) => !isChangeChunk(chunk));
  const changes = chunks.filter(isChangeChunk);
  if (
    whole.some((chunk, i) => chunk.id !== i) ||
    changes.some((chunk, i) => chunk.id !== FIRST_CHANGE_ID + i)
  )
    throw new EngineError(
      `Meilisearch index "${indexUid}" lacks a chunk of the vocabulary: run npm run ingest again.`,
    );
  return chunks;
}

/** The vocabulary chunks hold (in id order, as `chunksOfHits` gives them): the whole one, then each change. */
export function vocabularyOfChunks(chunks: readonly VocabularyChunk[]): Vocabulary {
  const whole = chunks.filter((chunk) => !isChangeChunk(chunk));
  const vocabulary = new Map(
    vocabularyFrom({ words: whole.flatMap((c) => c.words), counts: whole.flatMap((c) => c.counts) }),
  );
  const changes = chunks.filter(isChangeChunk);
  if (changes.length === 0) return vocabulary;
  for (const { words, counts } of changes) {
    words.forEach((form, i) => {
      const term = form.toLowerCase();
      if (counts[i] === 0) vocabulary.delete(term);
      else vocabulary.set(term, { form, count: counts[i]! });
    });
  }
  return new Map(bySortedTerm([...vocabulary]));
}

/** The vocabulary of the chunks a placeholder search returned; a chunk of another shape names its index. */
export function vocabularyOfHits(hits: readonly unknown[], indexUid: string): Vocabulary {
  return vocabularyOfChunks(chunksOfHits(hits, indexUid));
}
