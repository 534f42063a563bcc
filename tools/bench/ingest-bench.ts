import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Enricher, lazyEnricher, type EnrichContext } from '../../lib/ingest/enrich';
import type { IdentifiedPost } from '../../lib/ingest/identify';
import {
  applyIngestEvent,
  toIngestEvent,
  type IngestSink,
  newPageContext,
} from '../../lib/ingest/ingest-event';
import type { PostCollector } from '../../lib/ingest/merge';
import { stagedBatches } from '../../lib/ingest/parallel-ingest';
import { DumpParser, type ParseEvent } from '../../lib/ingest/parse';
import { readLineBatches } from '../../lib/ingest/read';
import { autoWorkerCount, RecordPool } from '../../lib/ingest/record-pool';
import { RecordStage } from '../../lib/ingest/record-stage';
import { emptyFileCounts, emptyReport } from '../../lib/ingest/report';
import type { Post } from '../../lib/posts/schema';

/** One timed pass over a file. */
export type PassResult = { ms: number; bytes: number; lines: number; posts: number; rejected: number };

/**
 * A pass stopped early after this many lines (the serial pass and readline; warm up the parallel pass on a
 * prefix of the file, `writePrefix`); `workers` as in the pipeline (0: this thread only; default: one per core
 * for files of at least PARALLEL_MIN_BYTES); `enricher`: the serial pass's enrichment stage (default: a new one
 * from the context). Pass the same one to every serial pass, as each worker keeps one for its life: a second
 * Enricher's tables generalise the field types its predecessor's optimised code relied on, and the first pass
 * that builds one pays for deoptimising and recompiling the hot enrichment code. `pool`: the parallel pass's
 * workers (the caller's, left open; `workers` then only decides whether the pass runs on workers); pass the same
 * one to every parallel pass so the later passes meet warmed-up workers. Without one, a parallel pass starts a
 * pool of `workers` and closes it at its end.
 */
export type PassOptions = { maxLines?: number; workers?: number; enricher?: Enricher; pool?: RecordPool };

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
 * Counts distinct ids and keeps no post: the benchmark's collector, so a pass's memory stays flat whatever the
 * file's size (the real pipeline keeps the distinct posts for the index; this keeps only their ids).
 */
class DistinctIds implements PostCollector<Post> {
  private readonly ids = new Set<string>();

  add(post: Post): 'accepted' | 'merged' {
    if (this.addRepeat(post)) return 'merged';
    this.ids.add(post.id);
    return 'accepted';
  }

  addRepeat(post: IdentifiedPost): boolean {
    return this.ids.has(post.id);
  }
}

/** A fresh sink for one pass over one file: the counting collector, the file's counts and a report. */
function passSink(file: string): IngestSink {
  return {
    merger: new DistinctIds(),
    counts: emptyFileCounts(file),
    report: emptyReport(),
    page: newPageContext(),
  };
}

/** The pass's figures from its sink: every record accepted or merged is a post read. */
function passResult(sink: IngestSink, started: number, bytes: number, lines: number): PassResult {
  const { accepted, merged, rejected } = sink.counts;
  return { ms: performance.now() - started, bytes, lines, posts: accepted + merged, rejected };
}

/**
 * Parse + validate + identify + enrich every record of a file, streaming, accounting for each event as the
 * pipeline does (`applyIngestEvent`) into a collector that keeps ids only. With workers, the pool reads, parses
 * and enriches chunks of the file and this thread joins them, as in the pipeline (see PassOptions.pool).
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
  const stage = new RecordStage(options.enricher ?? new Enricher(context));
  const sink = passSink(file);
  const take = (event: ParseEvent) => applyIngestEvent(toIngestEvent(event, stage), sink, stage.enricher);
  let lines = 0;
  read: for await (const batch of readLineBatches(file)) {
    for (let i = 0; i < batch.lines.length; i++) {
      lines = batch.first + i;
      for (const event of parser.push(batch.lines[i]!, lines)) take(event);
      if (options.maxLines !== undefined && lines >= options.maxLines) break read;
    }
  }
  for (const event of parser.end()) take(event);
  return passResult(sink, started, info.size, lines);
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
  const pool = options.pool ?? new RecordPool(options.workers, context);
  const input = { path: file, size: info.size, modified: info.mtime };
  const sink = passSink(file);
  const enricher = lazyEnricher(context);
  let lines = 0;
  try {
    for await (const batch of stagedBatches([input], pool, { asOf })) {
      for (const event of batch.events) applyIngestEvent(event, sink, enricher);
      lines = batch.lastLine;
    }
  } finally {
    if (pool !== options.pool) await pool.close();
  }
  return passResult(sink, started, info.size, lines);
}

/**
 * Write the first `maxLines` lines of a file to `out`, joined by LF (a warm-up input the size of a few chunks),
 * a batch at a time: holding them all (and their join) would leave tens of MB on this thread's heap before the
 * passes it warms up for.
 */
export async function writePrefix(file: string, out: string, maxLines: number): Promise<void> {
  const handle = await open(out, 'w');
  try {
    let written = 0;
    for await (const batch of readLineBatches(file)) {
      const lines = batch.lines.slice(0, maxLines - written);
      if (lines.length > 0) await handle.write(`${written > 0 ? '\n' : ''}${lines.join('\n')}`);
      written += lines.length;
      if (written >= maxLines) break;
    }
  } finally {
    await handle.close();
  }
}
