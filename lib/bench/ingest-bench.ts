import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { enrichPost, type EnrichContext } from '../ingest/enrich';
import { identify } from '../ingest/identify';
import { DumpParser, type ParseEvent } from '../ingest/parse';
import { readLineBatches } from '../ingest/read';
import { validateRecord } from '../ingest/validate';

/** One timed pass over a file. */
export type PassResult = { ms: number; bytes: number; lines: number; posts: number; rejected: number };

/** A pass stopped early (warm-up) after this many lines. */
export type PassOptions = { maxLines?: number };

/**
 * The floor: read the file line by line with Node's readline and nothing else (UTF-8 decoding included).
 * `bytes` is the whole file size, so stop early only for warm-up.
 */
export async function readlinePass(file: string, options: PassOptions = {}): Promise<PassResult> {
  const { size } = await stat(file);
  const started = performance.now();
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    count += line.length >= 0 ? 1 : 0;
    if (options.maxLines !== undefined && count >= options.maxLines) break;
  }
  stream.destroy();
  return { ms: performance.now() - started, bytes: size, lines: count, posts: 0, rejected: 0 };
}

/**
 * Parse + validate + identify + enrich every record of a file, streaming, and drop each post: memory stays
 * flat whatever the file's size (the real pipeline also keeps distinct posts for the index; this does not).
 */
export async function ingestPass(
  file: string,
  context: EnrichContext,
  asOf: Date,
  options: PassOptions = {},
): Promise<PassResult> {
  const { size } = await stat(file);
  const started = performance.now();
  const parser = new DumpParser(file, asOf);
  const result: PassResult = { ms: 0, bytes: size, lines: 0, posts: 0, rejected: 0 };
  const take = (event: ParseEvent) => {
    if (event.kind === 'skip') return;
    if (event.kind === 'reject') {
      result.rejected++;
      return;
    }
    const validated = validateRecord(event.record);
    if (!validated.ok) {
      result.rejected++;
      return;
    }
    const post = enrichPost(identify(validated.post), context);
    if (post.id) result.posts++;
  };
  read: for await (const { lines, first } of readLineBatches(file)) {
    for (let i = 0; i < lines.length; i++) {
      const line = first + i;
      for (const event of parser.push(lines[i]!, line)) take(event);
      result.lines = line;
      if (options.maxLines !== undefined && line >= options.maxLines) break read;
    }
  }
  for (const event of parser.end()) take(event);
  result.ms = performance.now() - started;
  return result;
}
