import type { Post } from '../posts/schema';
import { Enricher, type EnrichContext } from './enrich';
import { applyIngestEvent, toIngestEvent, type IngestSink, newPageContext } from './ingest-event';
import type { IngestOptions, IngestResult } from './ingest-options';
import { PostMerger } from './merge';
import { ingestParallel } from './parallel-ingest';
import { DumpParser } from './parse';
import { checkReadable, listInputFiles, readLineBatches, type InputFile } from './read';
import { autoWorkerCount, RecordPool } from './record-pool';
import { RecordStage } from './record-stage';
import { addFileCounts, emptyFileCounts, emptyReport, type IngestReport } from './report';

export type { IngestOptions, IngestResult } from './ingest-options';

/** Read one file through the parser and the per-record stages into the merger, updating the report. */
async function ingestFile(
  file: InputFile,
  stage: RecordStage,
  merger: PostMerger<Post>,
  report: IngestReport,
  options: IngestOptions,
  progress: { bytes: number; total: number },
): Promise<void> {
  await checkReadable(file);
  const sink: IngestSink = {
    merger,
    counts: emptyFileCounts(file.path),
    report,
    page: newPageContext(),
  };
  const take = (event: Parameters<typeof toIngestEvent>[0]) =>
    applyIngestEvent(toIngestEvent(event, stage), sink, stage.enricher);
  const parser = new DumpParser(file.path, options.asOf ?? file.modified);
  const onBytes = (n: number) => {
    progress.bytes += n;
    options.onProgress?.(progress.bytes, progress.total);
  };
  for await (const { lines, first } of readLineBatches(file.path, onBytes)) {
    for (let i = 0; i < lines.length; i++) {
      for (const event of parser.push(lines[i]!, first + i)) take(event);
    }
  }
  for (const event of parser.end()) take(event);
  addFileCounts(report, sink.counts);
}

/**
 * The ingest chain: list inputs → read lines → parse → validate → identify → enrich → merge.
 * Large inputs run in worker threads, each taking chunks of the files (see IngestOptions.workers and .pool),
 * same result.
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
    // The caller's pool, or one for this ingest only (closed when it ends, whatever happens).
    const pool = options.pool ?? new RecordPool(workers, context);
    try {
      posts = await ingestParallel(files, context, pool, report, options, progress);
    } finally {
      if (pool !== options.pool) await pool.close();
    }
  } else {
    const merger = new PostMerger<Post>();
    const stage = new RecordStage(new Enricher(context));
    for (const file of files) await ingestFile(file, stage, merger, report, options, progress);
    posts = merger.posts();
  }
  report.bytes = progress.total;
  report.ms = performance.now() - started;
  return { posts, report };
}
