import { z } from 'zod';

/** The four search workloads, by name. */
export const WORKLOADS = ['full-text', 'filtered-facets', 'error-codes', 'typos', 'natural'] as const;
export const WorkloadName = z.enum(WORKLOADS);
export type WorkloadName = z.infer<typeof WorkloadName>;

const ms = z.number().nonnegative();

/** One engine on one workload: latency percentiles in milliseconds. */
export const SearchFigure = z.strictObject({
  engine: z.string().min(1),
  workload: WorkloadName,
  p50_ms: ms,
  p95_ms: ms,
  p99_ms: ms,
  /** Digest of the top-20 ids of every query of the workload, in order (`topIdsDigest`): same digest, same results. */
  top_ids_digest: z.string().regex(/^[0-9a-f]{16}$/),
});
export type SearchFigure = z.infer<typeof SearchFigure>;

/** autocannon figures of one route under load. */
export const HttpFigure = z.strictObject({
  connections: z.number().int().positive(),
  req_per_s: z.number().nonnegative(),
  p50_ms: ms,
  p99_ms: ms,
  errors: z.number().int().nonnegative(),
});
export type HttpFigure = z.infer<typeof HttpFigure>;

/**
 * The benchmark report (issue 4). Parts that were not measured are null (HTTP, startup and first-load JS when
 * the web app is not built; build when only ingest was asked for); `notes` says why.
 */
export const BenchReport = z.strictObject({
  posts: z.number().int().positive(),
  ingest: z.strictObject({
    posts_per_s: z.number().positive(),
    mb_per_s: z.number().positive(),
    readline_mb_per_s: z.number().positive(),
    peak_rss_mb: z.number().positive(),
    /**
     * The parallel floor: as many threads as ingest uses read, decode and split the file into lines, nothing
     * else (`parallelSplitPass`), in records of the corpus per second; what a parser on these cores cannot beat.
     */
    split_floor_posts_per_s: z.number().positive(),
    /** How many threads the ingest pass and the floor ran on (0: the ingest pass ran on this thread only). */
    workers: z.number().int().nonnegative(),
  }),
  build: z.strictObject({ ms, heap_mb: z.number() }).nullable(),
  startup_ms: ms.nullable(),
  search: z.array(SearchFigure),
  http: HttpFigure.nullable(),
  /** `/api/search` with the result cache off (`SEARCH_CACHE_ENTRIES=0`): every request runs its query. */
  http_uncached: HttpFigure.nullable(),
  /** `/api/health`, the cheapest route: what a request to the web server costs here before any search. */
  http_floor: HttpFigure.nullable(),
  first_load_js_kb: z.number().nonnegative().nullable(),
  /** Why a part is null (`http: skipped: run npm run build first`), and other caveats of the run. */
  notes: z.array(z.string()),
});
export type BenchReport = z.infer<typeof BenchReport>;
