import { z } from 'zod';
import { EngineError } from '../../errors';
import { storedVocabulary, vocabularyFrom, type Vocabulary } from '../vocabulary';

/**
 * The vocabulary on Meilisearch, which has no API to list an index's words: a small index beside the posts,
 * `<index>-vocabulary`, written by the ingest before the swap and swapped with the posts in the same task, so it
 * always describes the live index. It holds the stored vocabulary (`vocabulary.ts`) cut in chunks of
 * {@link VOCABULARY_CHUNK_WORDS} words, one document each: written in one addDocuments request, read back in one
 * placeholder search (a search-only key may make it).
 */

/** Words per document: a chunk of the most frequent 20,000 words is about 300 kB of JSON. */
export const VOCABULARY_CHUNK_WORDS = 20_000;
/** Chunks read back at most: a placeholder search returns up to 1,000 hits (the default `maxTotalHits`). */
export const MAX_VOCABULARY_CHUNKS = 1000;

/** The vocabulary index of a posts index. */
export const vocabularyIndexOf = (indexName: string) => `${indexName}-vocabulary`;

/** Nothing of a chunk is searched for: only the primary key is searchable, so its words are not indexed. */
export const VOCABULARY_SETTINGS = { searchableAttributes: ['id'] };

/** One chunk: its position in the vocabulary (most frequent words first), its words and their post counts. */
export const VocabularyChunk = z.object({
  id: z.number().int().nonnegative(),
  words: z.array(z.string().min(1)),
  counts: z.array(z.number().int().positive()),
});
export type VocabularyChunk = z.infer<typeof VocabularyChunk>;

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

/** The vocabulary of the chunks a placeholder search returned; a chunk of another shape names its index. */
export function vocabularyOfHits(hits: readonly unknown[], indexUid: string): Vocabulary {
  const chunks = hits.map((hit) => {
    const chunk = VocabularyChunk.safeParse(hit);
    if (!chunk.success || chunk.data.words.length !== chunk.data.counts.length)
      throw new EngineError(
        `Meilisearch index "${indexUid}" holds a document that is not a vocabulary chunk: run npm run ingest again.`,
      );
    return chunk.data;
  });
  chunks.sort((a, b) => a.id - b.id);
  if (chunks.some((chunk, i) => chunk.id !== i))
    throw new EngineError(
      `Meilisearch index "${indexUid}" lacks a chunk of the vocabulary: run npm run ingest again.`,
    );
  return vocabularyFrom({ words: chunks.flatMap((c) => c.words), counts: chunks.flatMap((c) => c.counts) });
}
