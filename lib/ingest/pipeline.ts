import type { Post } from '../posts/schema';
import { enrichPost, type EnrichContext } from './enrich';
import { identify } from './identify';
import { PostMerger } from './merge';
import { ingestParallel } from './parallel-ingest';
import { DumpParser, type ParseEvent } from './parse';
import { checkReadable, listInputFiles, readLineBatches, type InputFile } from './read';
import { autoWorkerCount } from './record-pool';
import { addFileCounts, emptyReport, type FileCounts, type IngestReport } from './report';
import { validateRecord } from './validate';

export type IngestOptions = {
  /** Capture date for relative activity (`3d`); defaults to each file's modification time. */
  asOf?: Date;
  /** Called as bytes are read, with the running total and the total size of all inputs. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * Worker threads that read, parse, validate, identify and enrich chunks of the files: 0 runs everything on
   * this thread; default: one per core when the input is at least PARALLEL_MIN_BYTES. The posts and the report
   * are the same either way.
   */
  workers?: number;
  /** Bytes per chunk of a file on the worker path (default CHUNK_BYTES; tests use small ones). */
  chunkBytes?: number;
};

export type IngestResult = { posts: Post[]; report: IngestReport };

/** Apply one parse event to the merger and the counts (the validate → identify → merge stages). */
export function applyEvent(
  event: ParseEvent,
  merger: PostMerger,
  counts: FileCounts,
  report: IngestReport,
): void {
  if (event.kind === 'skip') {
    report.skipped.push({ file: event.file, line: event.line, reason: event.reason });
    return;
  }
  counts.read++;
  if (event.kind === 'reject') {
    counts.rejected++;
    report.rejects.push({ file: event.file, line: event.line, reason: event.reason });
    return;
  }
  const validated = validateRecord(event.record);
  if (!validated.ok) {
    counts.rejected++;
    report.rejects.push({
      file: event.record.source.file,
      line: event.record.source.line,
      reason: validated.reason,
    });
    return;
  }
  counts[merger.add(identify(validated.post))]++;
}

/** Read one file through the parser into the merger, updating the report. */
async function ingestFile(
  file: InputFile,
  merger: PostMerger,
  report: IngestReport,
  options: IngestOptions,
  progress: { bytes: number; total: number },
): Promise<void> {
  await checkReadable(file);
  const counts: FileCounts = { file: file.path, read: 0, accepted: 0, merged: 0, rejected: 0 };
  const parser = new DumpParser(file.path, options.asOf ?? file.modified);
  const onBytes = (n: number) => {
    progress.bytes += n;
    options.onProgress?.(progress.bytes, progress.total);
  };
  for await (const { lines, first } of readLineBatches(file.path, onBytes)) {
    for (let i = 0; i < lines.length; i++) {
      for (const event of parser.push(lines[i]!, first + i)) applyEvent(event, merger, counts, report);
    }
  }
  for (const event of parser.end()) applyEvent(event, merger, counts, report);
  addFileCounts(report, counts);
}

/**
 * The ingest chain: list inputs → read lines → parse → validate → identify → merge → enrich.
 * Large inputs run in worker threads, each taking chunks of the files (see IngestOptions.workers), same result.
 * Throws InputError (one sentence) for a missing path, an empty or a binary file.
 */
export async function ingest(
  paths: readonly string[],
  context: EnrichContext,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const started = performance.now();
  const files = await listInputFiles(paths);
  const report = emptyReport();
  const progress = { bytes: 0, total: files.reduce((sum, f) => sum + f.size, 0) };
  const workers = options.workers ?? autoWorkerCount(progress.total);
  let posts: Post[];
  if (workers > 0) {
    posts = await ingestParallel(files, context, report, { ...options, workers }, progress);
  } else {
    const merger = new PostMerger();
    for (const file of files) await ingestFile(file, merger, report, options, progress);
    posts = merger.posts().map((post) => enrichPost(post, context));
  }
  report.bytes = progress.total;
  report.ms = performance.now() - started;
  return { posts, report };
}
