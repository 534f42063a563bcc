import { createHash } from 'node:crypto';
import type { BenchEngine } from './peers/bench-engine';
import type { WorkloadName } from './report';
import { latencySummary } from './stats';
import type { Workload } from './workloads';

/** How long to measure one engine on one workload. */
export type SearchBudget = {
  /** Stop after this many timed queries. */
  maxSamples: number;
  /** …or once this much time has passed and at least `minSamples` were taken. */
  budgetMs: number;
  minSamples: number;
  /** Untimed queries first (the first ones of the workload), to warm the engine up. */
  warmup: number;
};

/** Latency of one engine on one workload, and how many of its distinct queries found something. */
export type WorkloadFigures = {
  engine: string;
  workload: WorkloadName;
  p50: number;
  p95: number;
  p99: number;
  samples: number;
  /** Distinct queries with at least one match / distinct queries run. */
  found: number;
  queries: number;
  /** Mean number of matches per query. */
  meanTotal: number;
  /**
   * sha256 (first 16 hex digits) of every distinct query's top ids in rank order, query by query: two runs, or
   * two versions of the code, that find the same posts in the same order give the same digest.
   */
  topIdsDigest: string;
};

/** The digest of the top ids of each query, in query order. */
export function topIdsDigest(idsByQuery: ReadonlyArray<readonly string[]>): string {
  return createHash('sha256').update(JSON.stringify(idsByQuery)).digest('hex').slice(0, 16);
}

/** Run a workload's queries round-robin against an engine, after warm-up, within the budget. */
export async function measureWorkload(
  engine: BenchEngine,
  workload: Workload,
  budget: SearchBudget,
): Promise<WorkloadFigures> {
  const queries = workload.queries;
  for (const query of queries.slice(0, budget.warmup)) await engine.search(query);
  const samples: number[] = [];
  const totals = new Map<number, number>();
  const topIds = new Map<number, readonly string[]>();
  const started = performance.now();
  for (let i = 0; samples.length < budget.maxSamples; i++) {
    if (samples.length >= budget.minSamples && performance.now() - started > budget.budgetMs) break;
    const index = i % queries.length;
    const t0 = performance.now();
    const { total, ids } = await engine.search(queries[index]!);
    samples.push(performance.now() - t0);
    totals.set(index, total);
    if (!topIds.has(index)) topIds.set(index, ids);
  }
  const { p50, p95, p99 } = latencySummary(samples);
  const seen = [...totals.values()];
  return {
    engine: engine.name,
    workload: workload.name,
    p50,
    p95,
    p99,
    samples: samples.length,
    found: seen.filter((t) => t > 0).length,
    queries: seen.length,
    meanTotal: seen.length > 0 ? Math.round(seen.reduce((a, b) => a + b, 0) / seen.length) : 0,
    topIdsDigest: topIdsDigest([...topIds.keys()].sort((a, b) => a - b).map((i) => topIds.get(i)!)),
  };
}
