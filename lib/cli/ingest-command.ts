import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import { loadErrorCatalog } from '../catalog/error-catalog';
import { loadTopics } from '../catalog/topics';
import { ingest } from '../ingest/pipeline';
import { isHeaderOnly, type IngestReport } from '../ingest/report';
import type { Post } from '../posts/schema';
import { createEngine, lockIngestTarget, type IngestLock } from '../search/create-engine';
import { storageError } from '../errors';
import { collectPostingsInParallel } from '../search/embedded/parallel-postings';
import { parseIngestArgs } from './args';
import { errorMessage, type CommandIO } from './io';

export const INGEST_USAGE = `Usage: npm run ingest -- [PATH ...] [--data-dir DIR] [--engine embedded|meilisearch] [--export FILE.jsonl] [--as-of DATE]
Reads forum dumps (files, or folders of .txt files; default content/dumps), enriches the posts and replaces the search index.`;

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
 * `npm run ingest`: returns the exit code, as the README documents: 0 the index was replaced; 1 no post could
 * be read (the index was left as it was); 2 nothing was done: a usage mistake, an input that cannot be read,
 * a data folder another ingest holds or that cannot be written (one sentence says which and what to do).
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
    let started = false;
    const { posts, report } = await ingest(args.paths, context, {
      ...(args['as-of'] ? { asOf: args['as-of'] } : {}),
      onProgress: (bytes, total) => {
        if (!bar) return;
        const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
        if (!started) bar.start(mb(total), 0);
        started = true;
        bar.update(mb(bytes));
      },
    });
    bar?.stop();
    for (const r of report.rejects) io.err(`rejected ${r.file}:${r.line}: ${r.reason}`);
    for (const s of report.skipped) io.err(`skipped ${s.file}:${s.line}: ${s.reason}`);
    if (posts.length === 0) {
      io.err(`No posts could be read from ${args.paths.join(', ')}: the index was left as it was.`);
      io.out(formatIngestSummary(report, 0));
      return 1;
    }
    if (args.export) await writeJsonl(args.export, posts);
    await engine.replaceAll(posts);
    io.out(formatIngestSummary(report, posts.length));
    io.out(`Index: ${engine.kind}${args.export ? `; exported ${posts.length} posts to ${args.export}` : ''}`);
    return 0;
  } catch (error) {
    bar?.stop();
    io.err(errorMessage(error));
    return 2;
  } finally {
    lock?.release();
  }
}
