import type { Post } from '../posts/schema';
import { parseChunk, type ChunkResult, type ChunkTask } from './chunk-parse';
import { ChunkReader } from './chunk-read';
import { ChunkStitcher } from './chunk-stitch';
import { Enricher, lazyEnricher, type EnrichContext } from './enrich';
import { applyIngestEvent, type IngestEvent, type IngestSink, newPageContext } from './ingest-event';
import type { IngestOptions } from './ingest-options';
import { PostMerger } from './merge';
import type { RecordPool, RecordRun } from './record-pool';
import { RecordStage } from './record-stage';
import { checkReadable, type InputFile } from './read';
import { addFileCounts, emptyFileCounts, type IngestReport } from './report';

/** Bytes per chunk: large enough that the few lines read twice at each seam cost nothing, small enough to balance. */
export const CHUNK_BYTES = 2 ** 20;
/** Chunks in flight per worker before the reader waits (keeps memory flat). */
const IN_FLIGHT_PER_WORKER = 3;

/**
 * One chunk's worth of a file's ingest events, in file order. `fileEnd` marks the last batch of a file (a file
 * yields at least one batch); `lastLine` is the number of the chunk's last line and `bytes` its size.
 */
export type StagedBatch = {
  file: InputFile;
  events: IngestEvent[];
  fileEnd: boolean;
  lastLine: number;
  bytes: number;
};

export type StagedOptions = {
  /** Capture date for relative activity; defaults to each file's modification time. */
  asOf?: Date | undefined;
  /** Called with the number of bytes of each chunk done. */
  onBytes?: ((bytes: number) => void) | undefined;
  /** Bytes per chunk (tests use small ones to put many seams in a small file). */
  chunkBytes?: number | undefined;
  /** The context for the chunks this thread must parse again (damage at a seam). */
  context?: EnrichContext | undefined;
};

type Queued = { file: InputFile; task: ChunkTask; result: Promise<() => ChunkResult>; fileEnd: boolean };

/** The chunk tasks of a file, in order (one for a small file). */
export function chunkTasks(file: InputFile, asOf: Date, chunkBytes: number): ChunkTask[] {
  const tasks: ChunkTask[] = [];
  const asOfMs = asOf.getTime();
  for (let start = 0; start === 0 || start < file.size; start += chunkBytes) {
    const end = Math.min(file.size, start + chunkBytes);
    tasks.push({ file: file.path, size: file.size, start, end, asOf: asOfMs });
  }
  return tasks;
}

/**
 * Split the files into chunks (byte ranges at line starts), run each through the worker pool (read, parse,
 * validate, identify, enrich), and yield the batches in input order: the same events, line numbers included,
 * in the same order, as a serial pass. At most a few chunks per worker are in flight.
 */
export async function* stagedBatches(
  files: readonly InputFile[],
  pool: RecordPool,
  options: StagedOptions = {},
): AsyncGenerator<StagedBatch> {
  const run = pool.startRun();
  try {
    yield* stagedRun(files, run, options, options.context ?? pool.context);
  } finally {
    run.end();
  }
}

/** stagedBatches within one run of the pool. */
async function* stagedRun(
  files: readonly InputFile[],
  pool: RecordRun,
  options: StagedOptions,
  context: EnrichContext,
): AsyncGenerator<StagedBatch> {
  const limit = pool.size * IN_FLIGHT_PER_WORKER;
  const queue: Queued[] = [];
  // This thread's stage and reader for chunks parsed again here (damage at a seam), built on first need.
  let main: { stage: RecordStage; reader: ChunkReader } | undefined;
  let stitcher: ChunkStitcher | undefined;
  const next = async (): Promise<StagedBatch> => {
    const head = queue.shift()!;
    const result = (await head.result)();
    stitcher ??= new ChunkStitcher(head.file.path);
    const events = stitcher.add(result, (from) => {
      main ??= { stage: new RecordStage(new Enricher(context)), reader: new ChunkReader() };
      return parseChunk(head.task, main.stage, main.reader, from);
    });
    const batch: StagedBatch = {
      file: head.file,
      events,
      fileEnd: head.fileEnd,
      lastLine: stitcher.lastLine,
      bytes: head.task.end - head.task.start,
    };
    if (head.fileEnd) stitcher = undefined;
    options.onBytes?.(batch.bytes);
    return batch;
  };
  for (const file of files) {
    await checkReadable(file);
    const tasks = chunkTasks(file, options.asOf ?? file.modified, options.chunkBytes ?? CHUNK_BYTES);
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      const result = pool.run(task);
      result.catch(() => undefined); // awaited in order below; never an unhandled rejection meanwhile
      queue.push({ file, task, result, fileEnd: i === tasks.length - 1 });
      while (queue.length >= limit) yield await next();
    }
  }
  while (queue.length > 0) yield await next();
}

/**
 * The parallel chain: the pool's workers read, parse, validate, identify and enrich chunks; this thread merges.
 * The pool is the caller's (it stays open).
 */
export async function ingestParallel(
  files: readonly InputFile[],
  context: EnrichContext,
  pool: RecordPool,
  report: IngestReport,
  options: {
    asOf?: Date | undefined;
    onProgress?: IngestOptions['onProgress'];
    chunkBytes?: number | undefined;
  },
  progress: { bytes: number; total: number },
): Promise<Post[]> {
  const enricher = lazyEnricher(context);
  const merger = new PostMerger<Post>();
  const onBytes = (n: number) => {
    progress.bytes += n;
    options.onProgress?.(progress.bytes, progress.total);
  };
  let sink: IngestSink | undefined;
  const staged = { asOf: options.asOf, onBytes, chunkBytes: options.chunkBytes, context };
  for await (const batch of stagedBatches(files, pool, staged)) {
    sink ??= {
      merger,
      counts: emptyFileCounts(batch.file.path),
      report,
      page: newPageContext(),
    };
    for (const event of batch.events) applyIngestEvent(event, sink, enricher);
    if (batch.fileEnd) {
      addFileCounts(report, sink.counts);
      sink = undefined;
    }
  }
  return merger.posts();
}
