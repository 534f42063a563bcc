import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadErrorCatalog } from '../../lib/catalog/error-catalog';
import { loadTopics } from '../../lib/catalog/topics';
import { writeCorpus, type CorpusStats } from '../corpus/dump-writer';
import { buildWordPools } from '../corpus/word-pools';
import { Enricher, type EnrichContext } from '../../lib/ingest/enrich';
import { ingest, type IngestResult } from '../../lib/ingest/pipeline';
import { autoWorkerCount, RecordPool } from '../../lib/ingest/record-pool';
import type { Post } from '../../lib/posts/schema';
import type { BenchArgs } from './bench-args';
import { firstLoadJsKb } from './first-load';
import { hasBuild, loadTest, searchPath, startServer, type HttpFigures } from './http-bench';
import { ingestPass, readlinePass, writePrefix } from './ingest-bench';
import { parallelSplitPass } from './ingest-floor';
import { measureWorkload, type SearchBudget, type WorkloadFigures } from './measure-search';
import { peakRssMb, sampleRss, settledHeapMb } from './memory';
import type { BenchEngine } from './peers/bench-engine';
import { BenchReport } from './report';
import { median, round } from './stats';
import { measureSitemap, type SitemapFigures } from './sitemap-bench';
import { buildWorkloads, type BenchQuery, type Workload } from './workloads';

/** Capture date for relative activity (`3d`) in the synthetic corpus, fixed so runs compare. */
export const BENCH_AS_OF = new Date('2025-06-15T00:00:00Z');
const MB = 1e6;

/** Figures the JSON report leaves out but the table shows: peers' builds, hit counts, memory over time. */
export type BenchDetails = {
  corpus: { file: string; bytes: number; records: number; reused: boolean };
  ingest: {
    passes: number;
    postsPerPass: number;
    ingestMs: number[];
    readlineMs: number[];
    rssStartMb: number;
    rssEndMb: number;
    rssMaxMb: number;
    /** The full pipeline (with merge, keeping posts), when posts were needed for the index. */
    pipelinePostsPerS: number | null;
  };
  builds: Array<{ engine: string; ms: number; heapMb: number }>;
  workloads: WorkloadFigures[];
  firstLoadFiles: number | null;
  /** First-load JS of a thread page and of a page with nothing but the layout (a 404), for the budget. */
  firstLoadThreadKb: number | null;
  firstLoadEmptyKb: number | null;
  /** `/sitemap.xml` and its parts, read one after another as a crawler does. */
  sitemap: SitemapFigures | null;
};

type Log = (line: string) => void;

/** Generate the corpus into `tmp/bench/`, or reuse the one a previous run completed for the same N and seed. */
async function ensureCorpus(args: BenchArgs, appDir: string, log: Log): Promise<BenchDetails['corpus']> {
  const file = path.join(appDir, 'tmp', 'bench', `corpus-${args.posts}-seed-${args.seed}.txt`);
  const statsFile = `${file}.json`;
  if (existsSync(file) && existsSync(statsFile)) {
    const stats = JSON.parse(await readFile(statsFile, 'utf8')) as CorpusStats;
    log(`corpus: reusing ${path.relative(appDir, file)} (${(stats.bytes / MB).toFixed(1)} MB)`);
    return { file, bytes: stats.bytes, records: stats.records, reused: true };
  }
  log(`corpus: generating ${args.posts} posts (seed ${args.seed}) into ${path.relative(appDir, file)}…`);
  const started = performance.now();
  const vocab = buildWordPools(
    loadErrorCatalog(path.join(appDir, 'content/errors')),
    loadTopics(path.join(appDir, 'content/topics')),
  );
  const stats = await writeCorpus(file, { posts: args.posts, seed: args.seed }, vocab);
  await writeFile(statsFile, JSON.stringify(stats));
  log(
    `corpus: ${(stats.bytes / MB).toFixed(1)} MB, ${stats.records} records in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { file, bytes: stats.bytes, records: stats.records, reused: false };
}

/**
 * Warm up, then time bare readline and streaming parse+validate+enrich passes (3 each when a pass is short), on
 * `workers` workers (the pool's, when there are any).
 */
async function measureIngest(
  file: string,
  context: EnrichContext,
  workers: number,
  pool: RecordPool | undefined,
  log: Log,
) {
  log('ingest: warm-up…');
  const warmup = `${file}.warmup`;
  await writePrefix(file, warmup, 50_000);
  await readlinePass(warmup);
  // The serial pass's Enricher, one for every pass (each worker keeps its own likewise).
  const enricher = workers === 0 ? new Enricher(context) : undefined;
  await ingestPass(warmup, context, BENCH_AS_OF, { workers, enricher, pool });
  const rss = sampleRss();
  const rssStartMb = process.memoryUsage.rss() / 2 ** 20;
  const readlineMs: number[] = [];
  const ingestMs: number[] = [];
  const floorMs: number[] = [];
  let posts = 0;
  let bytes = 0;
  for (let pass = 0; pass < 3; pass++) {
    const read = await readlinePass(file);
    const parsed = await ingestPass(file, context, BENCH_AS_OF, { workers, enricher, pool });
    const floor = await parallelSplitPass(file, Math.max(1, workers));
    readlineMs.push(read.ms);
    ingestMs.push(parsed.ms);
    floorMs.push(floor.ms);
    posts = parsed.posts;
    bytes = parsed.bytes;
    log(
      `ingest: pass ${pass + 1}: readline ${(read.ms / 1000).toFixed(2)} s, parse+validate+enrich ${(parsed.ms / 1000).toFixed(2)} s, ` +
        `split floor ${(floor.ms / 1000).toFixed(2)} s ` +
        `(${parsed.posts} records, ${parsed.rejected} rejected), rss ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB`,
    );
    if (parsed.ms > 20_000) break;
  }
  const samples = rss.stop();
  const figures = {
    posts_per_s: round(posts / (median(ingestMs) / 1000), 0),
    mb_per_s: round(bytes / MB / (median(ingestMs) / 1000), 1),
    readline_mb_per_s: round(bytes / MB / (median(readlineMs) / 1000), 1),
    peak_rss_mb: round(peakRssMb(), 0),
    split_floor_posts_per_s: round(posts / (median(floorMs) / 1000), 0),
    workers,
  };
  const details = {
    passes: ingestMs.length,
    postsPerPass: posts,
    ingestMs,
    readlineMs,
    rssStartMb: round(rssStartMb, 0),
    rssEndMb: round(samples.at(-1) ?? 0, 0),
    rssMaxMb: round(Math.max(...samples), 0),
  };
  return { figures, details };
}

/**
 * Build an engine, timing it, then measure the heap it keeps (after full collections) once it has answered one
 * query: an engine may load its saved index lazily on the first search.
 */
async function buildEngine(engine: BenchEngine, posts: readonly Post[], probe: BenchQuery, log: Log) {
  const before = settledHeapMb();
  const started = performance.now();
  await engine.build(posts);
  const ms = performance.now() - started;
  await engine.search(probe);
  const heapMb = settledHeapMb() - before;
  log(`build: ${engine.name}: ${(ms / 1000).toFixed(1)} s, ${heapMb.toFixed(0)} MB heap`);
  return { engine: engine.name, ms: round(ms, 0), heapMb: round(heapMb, 0) };
}

async function measureEngine(engine: BenchEngine, workloads: Workload[], budget: SearchBudget, log: Log) {
  const out: WorkloadFigures[] = [];
  for (const workload of workloads) {
    const figures = await measureWorkload(engine, workload, budget);
    log(
      `search: ${engine.name} ${workload.name}: p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms ` +
        `(${figures.samples} queries, ${figures.found}/${figures.queries} found something)`,
    );
    out.push(figures);
  }
  return out;
}

type HttpOutcome = {
  startupMs: number | null;
  http: HttpFigures | null;
  uncached: HttpFigures | null;
  floor: HttpFigures | null;
  firstLoad: { kb: number; files: number } | null;
  firstLoadThread: { kb: number; files: number } | null;
  firstLoadEmpty: { kb: number; files: number } | null;
  sitemap: SitemapFigures | null;
};

/**
 * Start the built web app on the benchmark index, time its cold start, size `/`'s first-load JS, load-test
 * `/api/search` as served (result cache on) and `/api/health` (the framework's floor), then restart it with
 * the result cache off and load-test `/api/search` again.
 */
async function measureHttp(
  args: BenchArgs,
  appDir: string,
  dataDir: string,
  workloads: Workload[],
  notes: string[],
  log: Log,
): Promise<HttpOutcome> {
  const skipped = {
    startupMs: null,
    http: null,
    uncached: null,
    floor: null,
    firstLoad: null,
    firstLoadThread: null,
    firstLoadEmpty: null,
    sitemap: null,
  };
  if (!hasBuild(appDir)) {
    notes.push('http, startup_ms, first_load_js_kb: skipped: run npm run build first');
    log('http: skipped: run npm run build first (no production build in .next)');
    return skipped;
  }
  const paths = workloads
    .filter((w) => w.name !== 'typos' && w.name !== 'natural')
    .flatMap((w) => w.queries.map(searchPath));
  const start = async (env: Record<string, string>) => {
    try {
      return await startServer(appDir, dataDir, paths[0]!, { env });
    } catch (error) {
      notes.push(
        `http, startup_ms, first_load_js_kb: the server did not start: ${(error as Error).message.split('\n')[0]}`,
      );
      log(`http: ${(error as Error).message}`);
      return null;
    }
  };
  const load = (origin: string, what: string, routes: readonly string[]) => {
    log(`http: autocannon ${what}, ${args.connections} connections, ${args.httpSeconds} s…`);
    return loadTest(origin, routes, args.connections, args.httpSeconds);
  };
  log('http: starting the web server…');
  const server = await start({});
  if (!server) return skipped;
  let outcome: HttpOutcome;
  try {
    log(`http: ready in ${server.startupMs.toFixed(0)} ms`);
    const html = await fetch(`${server.origin}/`).then((r) => r.text());
    const sized = (page: string) => (error: Error) => {
      notes.push(`first_load_js_kb (${page}): ${error.message}`);
      return null;
    };
    const firstLoad = await firstLoadJsKb(appDir, html).catch(sized('/'));
    const threadPath = /href="(\/posts\/[a-z0-9-]+)/.exec(html)?.[1];
    const pageJs = async (page: string) =>
      firstLoadJsKb(appDir, await fetch(`${server.origin}${page}`).then((r) => r.text())).catch(sized(page));
    const firstLoadThread = threadPath ? await pageJs(threadPath) : null;
    const firstLoadEmpty = await pageJs('/no-such-page');
    log('http: reading /sitemap.xml and its parts…');
    const sitemap = await measureSitemap(server.origin).catch((error: Error) => {
      notes.push(`sitemap: ${error.message}`);
      return null;
    });
    const http = await load(server.origin, '/api/search', paths);
    const floor = await load(server.origin, '/api/health', ['/api/health']);
    outcome = {
      startupMs: server.startupMs,
      http,
      uncached: null,
      floor,
      firstLoad,
      firstLoadThread,
      firstLoadEmpty,
      sitemap,
    };
  } finally {
    await server.stop();
  }
  const uncachedServer = await start({ SEARCH_CACHE_ENTRIES: '0' });
  if (!uncachedServer) return outcome;
  try {
    outcome.uncached = await load(uncachedServer.origin, '/api/search without the result cache', paths);
  } finally {
    await uncachedServer.stop();
  }
  return outcome;
}

/** The report's view of autocannon figures. */
function httpFigure(h: HttpFigures | null): BenchReport['http'] {
  if (!h) return null;
  return {
    connections: h.connections,
    req_per_s: round(h.reqPerS, 1),
    p50_ms: h.p50,
    p99_ms: h.p99,
    errors: h.errors,
  };
}

/**
 * measureIngest, then (when `needPosts`) the full pipeline over the corpus, keeping its posts: both on one pool
 * of workers, started here and closed at the end, so the pipeline meets workers warmed up by the passes.
 */
async function ingestCorpus(
  file: string,
  context: EnrichContext,
  needPosts: boolean,
  log: Log,
): Promise<Awaited<ReturnType<typeof measureIngest>> & { ingested: IngestResult | null }> {
  const workers = autoWorkerCount((await stat(file)).size);
  const pool = workers > 0 ? new RecordPool(workers, context) : undefined;
  try {
    const measured = await measureIngest(file, context, workers, pool, log);
    if (!needPosts) return { ...measured, ingested: null };
    log('ingest: full pipeline (keeping distinct posts for the index)…');
    const ingested = await ingest([file], context, { asOf: BENCH_AS_OF, pool });
    return { ...measured, ingested };
  } finally {
    await pool?.close();
  }
}

/** Run the benchmark: corpus, ingest, index build, search (ours and peers), HTTP. Returns the validated report. */
export async function runBench(
  args: BenchArgs,
  log: Log,
  appDir = process.cwd(),
): Promise<{ report: BenchReport; details: BenchDetails }> {
  const notes: string[] = [];
  const corpus = await ensureCorpus(args, appDir, log);
  const context: EnrichContext = {
    catalog: loadErrorCatalog(path.join(appDir, 'content/errors')),
    topics: loadTopics(path.join(appDir, 'content/topics')),
  };
  const needPosts = args.parts.has('build') || args.parts.has('search') || args.parts.has('http');
  const ingestFigures = await ingestCorpus(corpus.file, context, needPosts, log);
  const details: BenchDetails = {
    corpus,
    ingest: { ...ingestFigures.details, pipelinePostsPerS: null },
    builds: [],
    workloads: [],
    firstLoadFiles: null,
    firstLoadThreadKb: null,
    firstLoadEmptyKb: null,
    sitemap: null,
  };
  const report: BenchReport = {
    posts: args.posts,
    ingest: ingestFigures.figures,
    build: null,
    startup_ms: null,
    search: [],
    http: null,
    http_uncached: null,
    http_floor: null,
    first_load_js_kb: null,
    notes,
  };
  const { ingested } = ingestFigures;
  if (!ingested) return { report: BenchReport.parse(report), details };

  details.ingest.pipelinePostsPerS = round(ingested.report.read / (ingested.report.ms / 1000), 0);
  const posts = ingested.posts;
  log(
    `ingest: ${posts.length} distinct posts (${ingested.report.merged} merged, ${ingested.report.rejected} rejected)`,
  );
  if (ingested.report.rejected > 0)
    notes.push(`ingest rejected ${ingested.report.rejected} generated records`);

  const workloads = buildWorkloads(posts);
  const probe = workloads[0]!.queries[0]!;
  const budget: SearchBudget = args.quick
    ? { maxSamples: 40, budgetMs: 1_000, minSamples: 5, warmup: 2 }
    : { maxSamples: 500, budgetMs: 15_000, minSamples: 10, warmup: 3 };
  const dataDir = path.join(appDir, 'tmp', 'bench', `data-${args.posts}-seed-${args.seed}`);
  // Engines load lazily: an ingest-only run does not depend on the search code or the peer libraries.
  const { OursEngine } = await import('./peers/ours');
  const { createPeer } = await import('./peers');
  const ours = new OursEngine(dataDir);
  const oursBuild = await buildEngine(ours, posts, probe, log);
  details.builds.push(oursBuild);
  report.build = { ms: oursBuild.ms, heap_mb: oursBuild.heapMb };
  if (args.parts.has('search'))
    details.workloads.push(...(await measureEngine(ours, workloads, budget, log)));
  ours.dispose();

  if (args.parts.has('http')) {
    const outcome = await measureHttp(args, appDir, dataDir, workloads, notes, log);
    report.startup_ms = outcome.startupMs === null ? null : round(outcome.startupMs, 0);
    report.first_load_js_kb = outcome.firstLoad?.kb ?? null;
    details.firstLoadFiles = outcome.firstLoad?.files ?? null;
    details.firstLoadThreadKb = outcome.firstLoadThread?.kb ?? null;
    details.firstLoadEmptyKb = outcome.firstLoadEmpty?.kb ?? null;
    details.sitemap = outcome.sitemap;
    report.http = httpFigure(outcome.http);
    report.http_uncached = httpFigure(outcome.uncached);
    report.http_floor = httpFigure(outcome.floor);
  }

  if (args.parts.has('search')) {
    for (const name of args.peers) {
      const peer = createPeer(name);
      details.builds.push(await buildEngine(peer, posts, probe, log));
      details.workloads.push(...(await measureEngine(peer, workloads, budget, log)));
      peer.dispose();
    }
  }
  report.search = details.workloads.map((w) => ({
    engine: w.engine,
    workload: w.workload,
    p50_ms: w.p50,
    p95_ms: w.p95,
    p99_ms: w.p99,
    top_ids_digest: w.topIdsDigest,
  }));
  return { report: BenchReport.parse(report), details };
}
