import type { BenchDetails } from './run-bench';
import { WORKLOADS, type BenchReport } from './report';

const pad = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');

/** Lay out rows as a text table with a header rule. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const rule = widths.map((w) => '-'.repeat(w));
  return [pad(header, widths), pad(rule, widths), ...rows.map((r) => pad(r, widths))].join('\n');
}

const show = (n: number | null | undefined, unit = '') =>
  n === null || n === undefined ? 'n/a' : `${n}${unit}`;

/** One line per target of issue 4: met, missed, or not measured. */
export function targetLines(report: BenchReport): string[] {
  const lines: string[] = [];
  const check = (label: string, ok: boolean | null, detail: string) =>
    lines.push(`${ok === null ? 'n/a ' : ok ? 'MET ' : 'MISS'}  ${label}: ${detail}`);
  const faceted = report.search.filter((s) => s.workload === 'filtered-facets');
  const ours = faceted.find((s) => s.engine === 'ours');
  const peers = faceted.filter((s) => s.engine !== 'ours');
  const bestPeer = peers.length > 0 ? Math.min(...peers.map((p) => p.p95_ms)) : null;
  check(
    'full text + 2 filters + 4 facet counts p95 ≤ 5 ms and ≤ fastest peer',
    ours ? ours.p95_ms <= 5 && (bestPeer === null || ours.p95_ms <= bestPeer) : null,
    `ours ${show(ours?.p95_ms, ' ms')}, fastest peer ${show(bestPeer, ' ms')}`,
  );
  const i = report.ingest;
  check(
    'parse + enrich ≥ 50k posts/s and ≥ half the readline throughput',
    i.posts_per_s >= 50_000 && i.mb_per_s >= i.readline_mb_per_s / 2,
    `${i.posts_per_s} posts/s, ${i.mb_per_s} MB/s vs readline ${i.readline_mb_per_s} MB/s`,
  );
  const b = report.build;
  check(
    'index build ≤ 10 s and ≤ 1 GB heap',
    b ? b.ms <= 10_000 && b.heap_mb <= 1024 : null,
    b ? `${b.ms} ms, ${b.heap_mb} MB` : 'n/a',
  );
  check(
    'server ready ≤ 2 s',
    report.startup_ms === null ? null : report.startup_ms <= 2000,
    show(report.startup_ms, ' ms'),
  );
  const h = report.http;
  check(
    '/api/search p99 ≤ 30 ms at 32 connections, 0 errors',
    h ? h.p99_ms <= 30 && h.errors === 0 && h.connections >= 32 : null,
    h ? `p99 ${h.p99_ms} ms, ${h.errors} errors, ${h.connections} connections` : 'n/a',
  );
  check(
    'first-load JS of / ≤ 100 kB gzip',
    report.first_load_js_kb === null ? null : report.first_load_js_kb <= 100,
    show(report.first_load_js_kb, ' kB'),
  );
  return lines;
}

/** The human-readable summary of a run. */
export function formatReport(report: BenchReport, details: BenchDetails): string {
  const out: string[] = [];
  const i = report.ingest;
  const d = details.ingest;
  out.push(
    `Benchmark: ${report.posts} posts (${details.corpus.records} records, ${(details.corpus.bytes / 1e6).toFixed(1)} MB)`,
  );
  out.push('');
  out.push(
    textTable(
      [
        'ingest',
        'posts/s',
        'MB/s',
        'readline MB/s',
        'ratio',
        'peak RSS MB',
        'RSS start→end (max) MB',
        'passes',
      ],
      [
        [
          'parse+validate+enrich (streaming)',
          String(i.posts_per_s),
          String(i.mb_per_s),
          String(i.readline_mb_per_s),
          (i.mb_per_s / i.readline_mb_per_s).toFixed(2),
          String(i.peak_rss_mb),
          `${d.rssStartMb}→${d.rssEndMb} (${d.rssMaxMb})`,
          String(d.passes),
        ],
      ],
    ),
  );
  out.push(
    `split floor (${Math.max(1, i.workers)} thread${i.workers > 1 ? 's' : ''} read, decode and split lines, nothing else): ` +
      `${i.split_floor_posts_per_s} records/s; ingest ran on ${i.workers === 0 ? 'this thread' : `${i.workers} workers`}`,
  );
  if (d.pipelinePostsPerS !== null)
    out.push(`full pipeline with merge (keeping posts): ${d.pipelinePostsPerS} records/s`);
  if (details.builds.length > 0) {
    out.push('');
    out.push(
      textTable(
        ['engine', 'build s', 'heap MB'],
        details.builds.map((b) => [b.engine, (b.ms / 1000).toFixed(1), String(b.heapMb)]),
      ),
    );
  }
  if (details.workloads.length > 0) {
    out.push('');
    const engines = [...new Set(details.workloads.map((w) => w.engine))];
    const rows: string[][] = [];
    for (const engine of engines) {
      for (const workload of WORKLOADS) {
        const w = details.workloads.find((x) => x.engine === engine && x.workload === workload);
        if (!w) continue;
        rows.push([
          engine,
          workload,
          String(w.p50),
          String(w.p95),
          String(w.p99),
          String(w.samples),
          `${w.found}/${w.queries}`,
          String(w.meanTotal),
          w.topIdsDigest,
        ]);
      }
    }
    out.push(
      textTable(
        [
          'engine',
          'workload',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'queries',
          'found',
          'mean hits',
          'top-20 digest',
        ],
        rows,
      ),
    );
  }
  out.push('');
  const h = report.http;
  out.push(`startup (npm start → first /api/search 200): ${show(report.startup_ms, ' ms')}`);
  const httpLine = (label: string, f: BenchReport['http']) =>
    f
      ? `${label}: ${f.connections} connections: ${f.req_per_s} req/s, p50 ${f.p50_ms} ms, p99 ${f.p99_ms} ms, ${f.errors} errors`
      : `${label}: n/a`;
  out.push(httpLine('HTTP /api/search', h));
  out.push(httpLine('HTTP /api/search, result cache off', report.http_uncached));
  out.push(httpLine('HTTP /api/health (server floor)', report.http_floor));
  out.push(
    `first-load JS of /: ${show(report.first_load_js_kb, ' kB gzip')}${details.firstLoadFiles ? ` (${details.firstLoadFiles} files)` : ''}`,
  );
  out.push(
    `first-load JS of a thread: ${show(details.firstLoadThreadKb, ' kB gzip')}; of an empty page (404, layout only): ${show(details.firstLoadEmptyKb, ' kB gzip')}`,
  );
  const sitemap = details.sitemap;
  out.push(
    sitemap
      ? `sitemap: ${sitemap.urls} URLs in ${sitemap.parts} part${sitemap.parts === 1 ? '' : 's'}, slowest response ${Math.round(sitemap.slowestMs)} ms`
      : 'sitemap: n/a',
  );
  out.push('');
  out.push('Targets (issue 4):');
  out.push(...targetLines(report).map((l) => `  ${l}`));
  for (const note of report.notes) out.push(`note: ${note}`);
  return out.join('\n');
}
