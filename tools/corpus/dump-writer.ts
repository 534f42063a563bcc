import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { z } from 'zod';
import { formatCount, headerLines, LAYOUTS, recordLines, type Layout } from './dump-format';
import { chance, createRng, intBetween, pick } from './prng';
import { generatePost, type SyntheticPost } from './synthetic-post';
import type { WordPools } from './word-pools';

/** What to generate: `posts` distinct posts from `seed`; repeats of some posts come on top. */
export const CorpusOptions = z.object({
  posts: z.number().int().positive(),
  seed: z.union([z.string(), z.number()]).default(1),
  /** Share of posts read a second time, in the other layout, in a later section. */
  duplicateRate: z.number().min(0).max(1).default(0.05),
  /** Records per run of one layout. */
  sectionSize: z.number().int().positive().default(250),
});
export type CorpusOptions = z.input<typeof CorpusOptions>;

/** What a generated corpus holds. */
export type CorpusStats = {
  posts: number;
  /** Records written: posts plus repeats. */
  records: number;
  /** Records that repeat a post already written (in the other layout). */
  duplicates: number;
  headers: number;
  bytes: number;
};

const MAX_PENDING_REPEATS = 64;

/**
 * The corpus as a stream of text pieces (no trailing newline, like the real capture), deterministic for the
 * same options. Memory stays flat: at most a few dozen posts are held, to be repeated in the other layout.
 * The generator's return value is the stats (bytes left 0: the writer counts them).
 */
export function* corpusText(input: CorpusOptions, vocab: WordPools): Generator<string, CorpusStats> {
  const options = CorpusOptions.parse(input);
  const rng = createRng(options.seed);
  const stats: CorpusStats = { posts: 0, records: 0, duplicates: 0, headers: 0, bytes: 0 };
  const pending: Array<{ post: SyntheticPost; layout: Layout }> = [];
  let first = true;
  const lines = function* (list: string[]) {
    for (const line of list) {
      yield first ? line : `\n${line}`;
      first = false;
    }
  };
  while (stats.posts < options.posts) {
    const layout = pick(rng, LAYOUTS);
    if (stats.records === 0 || chance(rng, 0.05)) {
      stats.headers++;
      const header = headerLines(formatCount(options.posts, rng));
      yield* lines(stats.records === 0 ? header : ['', ...header]);
    }
    let inSection = 0;
    for (let i = 0; i < pending.length && inSection < options.sectionSize;) {
      const repeat = pending[i]!;
      if (repeat.layout === layout) {
        i++;
        continue;
      }
      pending.splice(i, 1);
      const post = { ...repeat.post, views: repeat.post.views + intBetween(rng, 0, 20) };
      yield* lines(recordLines(post, layout, rng));
      stats.records++;
      stats.duplicates++;
      inSection++;
    }
    while (inSection < options.sectionSize && stats.posts < options.posts) {
      const post = generatePost(rng, vocab);
      yield* lines(recordLines(post, layout, rng));
      stats.posts++;
      stats.records++;
      inSection++;
      if (chance(rng, options.duplicateRate)) {
        if (pending.length >= MAX_PENDING_REPEATS) pending.shift();
        pending.push({ post, layout });
      }
    }
  }
  return stats;
}

/** Write a corpus to a file, streaming in ~1 MB chunks and waiting for the stream to drain (backpressure). */
export async function writeCorpus(
  out: string,
  options: CorpusOptions,
  vocab: WordPools,
  onProgress?: (bytesWritten: number) => void,
): Promise<CorpusStats> {
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const stream = createWriteStream(out);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const text = corpusText(options, vocab);
  let bytes = 0;
  let buffer = '';
  const flush = async () => {
    bytes += Buffer.byteLength(buffer);
    const ok = stream.write(buffer);
    buffer = '';
    if (!ok) await Promise.race([once(stream, 'drain'), failed]);
    onProgress?.(bytes);
  };
  let step = text.next();
  while (!step.done) {
    buffer += step.value;
    if (buffer.length >= 1 << 20) await flush();
    step = text.next();
  }
  await flush();
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  return { ...step.value, bytes };
}
