import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { enrichPost, type EnrichContext } from '../ingest/enrich';
import { identify } from '../ingest/identify';
import { stagedBatches } from '../ingest/parallel-ingest';
import { DumpParser, type ParseEvent } from '../ingest/parse';
import { readLineBatches } from '../ingest/read';
import { autoWorkerCount, sharedRecordPool } from '../ingest/record-pool';
import { validateRecord } from '../ingest/validate';

/** One timed pass over a file. */
export type PassResult = { ms: number; bytes: number; lines: number; posts: number; rejected: number };

/**
 * A pass stopped early (warm-up) after this many lines; `workers` as in the pipeline (0: this thread only;
 * default: one per core for files of at least PARALLEL_MIN_BYTES).
 */
export type PassOptions = { maxLines?: number; workers?: number };

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
 * With workers, the pool reads, parses and enriches chunks of the file and this thread joins them, as in the
 * pipeline; the pool is the process's shared pool (started, and warmed, by the first pass).
 */
export async function ingestPass(
  file: string,
  context: EnrichContext,
  asOf: Date,
  options: PassOptions = {},
): Promise<PassResult> {
  const info = await stat(file);
  const workers = options.workers ?? autoWorkerCount(info.size);
  if (workers > 0) return parallelPass(file, info, context, asOf, { ...options, workers });
  const started = performance.now();
  const parser = new DumpParser(file, asOf);
  const result: PassResult = { ms: 0, bytes: info.size, lines: 0, posts: 0, rejected: 0 };
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

/** The ingestPass of a large file: workers read, parse, validate, identify and enrich chunks; this thread counts. */
async function parallelPass(
  file: string,
  info: { size: number; mtime: Date },
  context: EnrichContext,
  asOf: Date,
  options: PassOptions & { workers: number },
): Promise<PassResult> {
  const started = performance.now();
  const result: PassResult = { ms: 0, bytes: info.size, lines: 0, posts: 0, rejected: 0 };
  const pool = sharedRecordPool(options.workers, context);
  const input = { path: file, size: info.size, modified: info.mtime };
  for await (const batch of stagedBatches([input], pool, { asOf, maxLines: options.maxLines })) {
    for (const event of batch.events) {
      if (event.kind === 'reject') result.rejected++;
      else if (event.kind !== 'skip' && event.post.id) result.posts++;
    }
    result.lines = batch.lastLine;
  }
  result.ms = performance.now() - started;
  return result;
}
