import type { Post } from '../posts/schema';
import { enrichPost, type EnrichContext } from './enrich';
import { PostMerger } from './merge';
import { DumpParser, type ParseEvent, type ParsedRecord } from './parse';
import type { IngestOptions } from './pipeline';
import { sharedRecordPool, type RecordPool, type RecordRun } from './record-pool';
import { resolveResult, type RecordResult } from './record-stage';
import { checkReadable, readLineBatches, type InputFile } from './read';
import { addFileCounts, type FileCounts, type IngestReport } from './report';

/** Records per batch sent to a worker: large enough to amortise a message, small enough to keep workers busy. */
const BATCH_RECORDS = 256;
/** Batches in flight per worker before the reader waits (keeps memory flat). */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * One stretch of a file's parse events, in order, with the stage results of its `record` events (one result per
 * record event, in order). `fileEnd` marks the last batch of a file (a file yields at least one batch);
 * `lastLine` is the number of the last line read into it.
 */
export type StagedBatch = {
  file: InputFile;
  events: ParseEvent[];
  results: RecordResult[];
  fileEnd: boolean;
  lastLine: number;
};

export type StagedOptions = {
  /** Capture date for relative activity; defaults to each file's modification time. */
  asOf?: Date | undefined;
  /** Called with the number of bytes of each chunk read. */
  onBytes?: ((bytes: number) => void) | undefined;
  /** Stop reading a file after this line (benchmark warm-up). */
  maxLines?: number | undefined;
};

type Queued = Omit<StagedBatch, 'results'> & { results: Promise<RecordResult[]> };

/**
 * Read and parse files on this thread and run their records through the worker pool, yielding the batches in
 * input order: the same events and per-record results, in the same order, as a serial pass. Reading continues
 * while workers enrich, with at most a few batches per worker in flight.
 */
export async function* stagedBatches(
  files: readonly InputFile[],
  pool: RecordPool,
  options: StagedOptions = {},
): AsyncGenerator<StagedBatch> {
  const run = pool.startRun();
  try {
    yield* stagedRun(files, run, options);
  } finally {
    run.end();
  }
}

/** stagedBatches within one run of the pool. */
async function* stagedRun(
  files: readonly InputFile[],
  pool: RecordRun,
  options: StagedOptions,
): AsyncGenerator<StagedBatch> {
  const queue: Queued[] = [];
  const limit = pool.size * IN_FLIGHT_PER_WORKER;
  let events: ParseEvent[] = [];
  let records: ParsedRecord[] = [];
  let lastLine = 0;
  const flush = (file: InputFile, fileEnd: boolean) => {
    const results = records.length > 0 ? pool.run(records) : Promise.resolve([]);
    results.catch(() => undefined); // awaited in order below; never an unhandled rejection meanwhile
    queue.push({ file, events, results, fileEnd, lastLine });
    events = [];
    records = [];
  };
  const take = (file: InputFile, parsed: ParseEvent[]) => {
    for (const event of parsed) {
      events.push(event);
      if (event.kind === 'record') records.push(event.record);
    }
    if (records.length >= BATCH_RECORDS) flush(file, false);
  };
  for (const file of files) {
    await checkReadable(file);
    const parser = new DumpParser(file.path, options.asOf ?? file.modified);
    lastLine = 0;
    read: for await (const { lines, first } of readLineBatches(file.path, options.onBytes)) {
      for (let i = 0; i < lines.length; i++) {
        lastLine = first + i;
        take(file, parser.push(lines[i]!, lastLine));
        if (options.maxLines !== undefined && lastLine >= options.maxLines) break read;
      }
      while (queue.length > limit) {
        const head = queue.shift()!;
        yield { ...head, results: await head.results };
      }
    }
    take(file, parser.end());
    flush(file, true);
  }
  for (let head = queue.shift(); head; head = queue.shift()) yield { ...head, results: await head.results };
}

/** Apply one batch from the worker pool to the merger and the counts, exactly as applyEvent would. */
function applyStagedBatch(
  batch: StagedBatch,
  merger: PostMerger<Post>,
  counts: FileCounts,
  report: IngestReport,
  context: EnrichContext,
): void {
  let next = 0;
  for (const event of batch.events) {
    if (event.kind === 'skip') {
      report.skipped.push({ file: event.file, line: event.line, reason: event.reason });
      continue;
    }
    counts.read++;
    if (event.kind === 'reject') {
      counts.rejected++;
      report.rejects.push({ file: event.file, line: event.line, reason: event.reason });
      continue;
    }
    const result = resolveResult(event.record, batch.results[next++]!);
    if (result.kind === 'reject') {
      counts.rejected++;
      report.rejects.push({
        file: event.record.source.file,
        line: event.record.source.line,
        reason: result.reason,
      });
    } else if (result.kind === 'post') {
      counts[merger.add(result.post)]++;
    } else if (merger.addRepeat(result.post)) {
      counts.merged++;
    } else {
      // A repeat carries no enrichment; it always follows its first reading, but never trust that blindly.
      counts[merger.add(enrichPost(result.post, context))]++;
    }
  }
}

/** The parallel chain: this thread reads and parses, the pool validates, identifies and enriches. */
export async function ingestParallel(
  files: readonly InputFile[],
  context: EnrichContext,
  report: IngestReport,
  options: { workers: number; asOf?: Date | undefined; onProgress?: IngestOptions['onProgress'] },
  progress: { bytes: number; total: number },
): Promise<Post[]> {
  const pool = sharedRecordPool(options.workers, context);
  const merger = new PostMerger<Post>();
  const onBytes = (n: number) => {
    progress.bytes += n;
    options.onProgress?.(progress.bytes, progress.total);
  };
  let counts: FileCounts | undefined;
  for await (const batch of stagedBatches(files, pool, { asOf: options.asOf, onBytes })) {
    counts ??= { file: batch.file.path, read: 0, accepted: 0, merged: 0, rejected: 0 };
    applyStagedBatch(batch, merger, counts, report, context);
    if (batch.fileEnd) {
      addFileCounts(report, counts);
      counts = undefined;
    }
  }
  return merger.posts();
}
