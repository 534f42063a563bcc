import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import { loadErrorCatalog } from '../catalog/error-catalog';
import { loadTopics } from '../catalog/topics';
import { mergeIntoIndex } from '../ingest/add';
import { digestFiles, ledgerEntries, partitionByLedger, type DigestedFile } from '../ingest/ledger';
import { ingest, type IngestResult } from '../ingest/pipeline';
import { listInputFiles } from '../ingest/read';
import { isHeaderOnly, type IngestReport } from '../ingest/report';
import type { Post } from '../posts/schema';
import { createEngine, lockIngestTarget, type IngestLock } from '../search/create-engine';
import type { SearchEngine } from '../search/types';
import { storageError } from '../errors';
import { collectPostingsInParallel } from '../search/embedded/parallel-postings';
import { parseIngestArgs, type IngestArgs } from './args';
import { errorMessage, type CommandIO } from './io';

export const INGEST_USAGE = `Usage: npm run ingest -- [--add] [PATH ...] [--data-dir DIR] [--engine embedded|meilisearch] [--export FILE.jsonl] [--as-of DATE]
Reads forum dumps (files, or folders of .txt files; default content/dumps), enriches the posts and replaces the search index.
--add merges the captures into the index instead (files already in its ledger are skipped).`;

/** Format the end-of-run summary: files, records read / accepted / merged / rejected, throughput. */
export function formatIngestSummary(report: IngestReport, posts: number): string {
  const seconds = report.ms / 1000;
  const rate = seconds > 0 ? Math.round(report.read / seconds) : report.read;
  const lines = [
    `Files: ${report.files.length}`,
    ...report.files.map(
      (f) =>
        `  ${f.file}: ${f.read} read, ${f.accepted} accepted, ${f.merged} merged, ${f.rejected} rejected` +
        (isHeaderOnly(f) ? ` (header only, no complete record: ${f.headerLines} header lines)` : ''),
    ),
    `Records: ${report.read} read = ${report.accepted} accepted + ${report.merged} merged + ${report.rejected} rejected`,
    `Posts indexed: ${posts}`,
    `Time: ${seconds.toFixed(2)} s (${rate} records/s, ${(report.bytes / 1e6 / Math.max(seconds, 1e-9)).toFixed(1)} MB/s)`,
  ];
  if (report.headerLines > 0)
    lines.push(`Header and banner lines: ${report.headerLines} (page headers, not records)`);
  if (report.skipped.length > 0) lines.push(`Stray lines skipped: ${report.skipped.length}`);
  return lines.join('\n');
}

/** Write posts as JSON lines; a file-system failure is one sentence naming the file. */
async function writeJsonl(file: string, posts: readonly Post[]): Promise<void> {
  const stream = createWriteStream(file);
  try {
    // An open that fails (no such folder, read-only disk) fails the first write's wait too.
    const failed = new Promise<never>((_, reject) => stream.once('error', reject));
    failed.catch(() => {});
    for (const post of posts) {
      if (!stream.write(`${JSON.stringify(post)}\n`))
        await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
    }
    stream.end();
    await finished(stream);
  } catch (error) {
    stream.destroy();
    throw storageError(
      error,
      `the export file ${file}`,
      'run the ingest again (the index was left as it was)',
    );
  }
}

/**
 * `--add`: the inputs whose bytes the index's ledger does not list yet; each one it lists is named as skipped.
 * None left: says so, and the index is left as it was.
 */
async function freshInputs(
  files: readonly DigestedFile[],
  engine: SearchEngine,
  io: CommandIO,
): Promise<DigestedFile[]> {
  const { fresh, known } = partitionByLedger(files, await engine.ledger());
  for (const { file, as, indexed } of known)
    io.out(
      indexed
        ? `Skipped ${file.path}: already in the index (the same bytes as ${as}, by SHA-256).`
        : `Skipped ${file.path}: the same bytes as ${as}, read once.`,
    );
  if (fresh.length === 0) io.out('Nothing to add: the index was left as it was.');
  return fresh;
}

/**
 * Write the ingest's posts into the index: replace it with them (and a fresh ledger), or with `--add` merge them
 * into the posts it holds (`mergeIntoIndex`) and upsert the posts touched. The export, when asked, is written
 * first: every post of the index to be (with `--add`, those the upsert holds: `beforeWrite`). Returns the report
 * as the index counts it and the index's post count.
 */
async function writeIndex(
  engine: SearchEngine,
  args: IngestArgs,
  files: readonly DigestedFile[],
  result: IngestResult,
): Promise<{ report: IngestReport; posts: number; touched?: number }> {
  if (!args.add) {
    if (args.export) await writeJsonl(args.export, result.posts);
    await engine.replaceAll(result.posts, ledgerEntries(files, result.report, args['as-of']));
    return { report: result.report, posts: result.posts.length };
  }
  const existing = await engine.readPosts(result.posts.map((post) => post.id));
  const { posts: touched, report } = mergeIntoIndex(existing, result);
  const file = args.export;
  await engine.upsertPosts(
    touched,
    ledgerEntries(files, report, args['as-of']),
    file ? { beforeWrite: (posts) => writeJsonl(file, posts) } : {},
  );
  return { report, posts: await engine.count(), touched: touched.length };
}

/**
 * `npm run ingest`: returns the exit code, as the README documents: 0 the index was replaced (or, with `--add`,
 * added to, or every file was in it already); 1 no post could be read (the index was left as it was); 2 nothing
 * was done: a usage mistake, an input that cannot be read, a data folder another ingest holds or that cannot be
 * written (one sentence says which and what to do).
 */
export async function runIngest(argv: string[], io: CommandIO): Promise<number> {
  let bar: cliProgress.SingleBar | undefined;
  let lock: IngestLock | undefined;
  try {
    const args = parseIngestArgs(argv);
    if (args.help) {
      io.out(INGEST_USAGE);
      return 0;
    }
    const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
    const target = {
      ...(args.engine ? { kind: args.engine } : {}),
      ...(args['data-dir'] ? { dataDir: args['data-dir'] } : {}),
    };
    const engine = createEngine({ role: 'admin', collectPostings: collectPostingsInParallel, ...target });
    // Held from before the first read to after the manifest rename: a second ingest refuses at once.
    lock = lockIngestTarget(target);
    if (io.interactive) {
      bar = new cliProgress.SingleBar(
        { format: 'Reading {bar} {percentage}% | {value}/{total} MB', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
    }
    const listed = await digestFiles(await listInputFiles(args.paths));
    const files = args.add ? await freshInputs(listed, engine, io) : listed;
    if (files.length === 0) {
      if (args.export) await writeJsonl(args.export, await engine.readPosts());
      return 0;
    }
    let started = false;
    const result = await ingest(
      files.map((f) => f.path),
      context,
      {
        ...(args['as-of'] ? { asOf: args['as-of'] } : {}),
        onProgress: (bytes, total) => {
          if (!bar) return;
          const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
          if (!started) bar.start(mb(total), 0);
          started = true;
          bar.update(mb(bytes));
        },
      },
    );
    bar?.stop();
    for (const r of result.report.rejects) io.err(`rejected ${r.file}:${r.line}: ${r.reason}`);
    for (const s of result.report.skipped) io.err(`skipped ${s.file}:${s.line}: ${s.reason}`);
    if (result.posts.length === 0) {
      io.err(`No posts could be read from ${args.paths.join(', ')}: the index was left as it was.`);
      io.out(formatIngestSummary(result.report, 0));
      return 1;
    }
    const { report, posts, touched } = await writeIndex(engine, args, files, result);
    io.out(formatIngestSummary(report, posts));
    if (touched !== undefined)
      io.out(`Posts added: ${report.accepted} new, ${touched - report.accepted} already indexed (merged)`);
    io.out(`Index: ${engine.kind}${args.export ? `; exported ${posts} posts to ${args.export}` : ''}`);
    return 0;
  } catch (error) {
    bar?.stop();
    io.err(errorMessage(error));
    return 2;
  } finally {
    lock?.release();
  }
}
