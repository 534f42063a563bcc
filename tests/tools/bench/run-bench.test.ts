import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '@/tools/bench/bench-args';
import { firstLoadScripts } from '@/tools/bench/first-load';
import { searchPath } from '@/tools/bench/http-bench';
import { parallelSplitPass } from '@/tools/bench/ingest-floor';
import { topIdsDigest } from '@/tools/bench/measure-search';
import { BenchReport, WORKLOADS } from '@/tools/bench/report';
import { runBench } from '@/tools/bench/run-bench';
import { latencySummary, median, percentile } from '@/tools/bench/stats';
import { formatReport } from '@/tools/bench/table';
import { DUMP_TEXT, tempFile } from '../../helpers/fixtures';

describe('the parallel split floor', () => {
  it('reads every line of a file cut into 1 MB pieces across two threads', async () => {
    // 40 copies of the bundled dump: 2.3 MB, so three pieces, cut inside lines.
    const file = tempFile('floor.txt', DUMP_TEXT.repeat(40));
    const newlines = DUMP_TEXT.split('\n').length - 1;
    const pass = await parallelSplitPass(file, 2);
    expect({ lines: pass.lines, bytes: pass.bytes, posts: pass.posts }).toEqual({
      lines: newlines * 40,
      bytes: Buffer.byteLength(DUMP_TEXT) * 40,
      posts: 0,
    });
  });
});

describe('bench arguments', () => {
  it('defaults to 100k posts, every peer and every part; --quick to 2000 posts and 3 s of HTTP load', () => {
    const full = parseBenchArgs([]);
    expect({ ...full, parts: [...full.parts] }).toEqual({
      posts: 100_000,
      out: undefined,
      seed: '1',
      quick: false,
      peers: ['minisearch', 'flexsearch', 'orama'],
      parts: ['ingest', 'build', 'search', 'http'],
      httpSeconds: 20,
      connections: 32,
    });
    const quick = parseBenchArgs(['--quick', '--peers', 'orama,flexsearch', '--only', 'ingest']);
    expect({ ...quick, parts: [...quick.parts] }).toEqual({
      ...full,
      posts: 2000,
      quick: true,
      httpSeconds: 3,
      peers: ['orama', 'flexsearch'],
      parts: ['ingest'],
    });
    expect(() => parseBenchArgs(['--peers', 'lunr'])).toThrow(/--peers/);
  });
});

describe('bench statistics', () => {
  it('takes nearest-rank percentiles and the median', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencySummary(samples)).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect({
      emptyPercentile: percentile([], 50),
      oddMedian: median([3, 1, 2]),
      evenMedian: median([4, 1, 3, 2]),
    }).toEqual({ emptyPercentile: 0, oddMedian: 2, evenMedian: 2.5 });
  });
});

describe('the top-ids digest', () => {
  it('is the same for the same ids in the same order, and changes with order or grouping', () => {
    const digest = topIdsDigest([['a', 'b'], ['c']]);
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(topIdsDigest([['a', 'b'], ['c']])).toEqual(digest);
    expect(topIdsDigest([['b', 'a'], ['c']])).not.toEqual(digest);
    expect(topIdsDigest([['a'], ['b', 'c']])).not.toEqual(digest);
  });
});

describe('HTTP helpers', () => {
  it('writes a benchmark query as an /api/search path', () => {
    const path = searchPath({
      q: '-9836',
      filters: { topic: ['dns'], api: [], os: [], code: ['-9836'] },
      facets: true,
      limit: 20,
    });
    expect(path).toEqual('/api/search?q=-9836&topic=dns&code=-9836&limit=20');
  });

  it('counts the scripts a page loads first, leaving out noModule polyfills', () => {
    const html =
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>' +
      '<script src="/_next/static/chunks/b.js" async=""></script><script src="/_next/static/chunks/a.js"></script>' +
      '<script src="/_next/static/chunks/polyfill.js" noModule=""></script><script>self.__next_f=[]</script>';
    expect(firstLoadScripts(html)).toEqual(['/_next/static/chunks/b.js', '/_next/static/chunks/a.js']);
  });
});

describe('bench, end to end on a small corpus', () => {
  it('runs every part and reports every field; HTTP is skipped with a note when the app is not built', async () => {
    const appDir = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
    symlinkSync(path.resolve('content'), path.join(appDir, 'content'));
    const args = { ...parseBenchArgs(['--quick', '--posts', '300']), httpSeconds: 1 };
    const { report, details } = await runBench(args, () => {}, appDir);

    expect(BenchReport.parse(report)).toEqual(report);
    expect(Object.keys(report)).toEqual([
      'posts',
      'ingest',
      'build',
      'startup_ms',
      'search',
      'http',
      'http_uncached',
      'http_floor',
      'first_load_js_kb',
      'notes',
    ]);
    expect(report.posts).toEqual(300);
    expect(Object.keys(report.ingest)).toEqual([
      'posts_per_s',
      'mb_per_s',
      'readline_mb_per_s',
      'peak_rss_mb',
      'split_floor_posts_per_s',
      'workers',
    ]);
    expect(report.ingest.workers).toEqual(0);
    expect(report.build && Object.keys(report.build)).toEqual(['ms', 'heap_mb']);
    const engines = ['ours', 'minisearch', 'flexsearch', 'orama'];
    expect(report.search.map((s) => `${s.engine}/${s.workload}`)).toEqual(
      engines.flatMap((e) => WORKLOADS.map((w) => `${e}/${w}`)),
    );
    expect([
      report.startup_ms,
      report.http,
      report.http_uncached,
      report.http_floor,
      report.first_load_js_kb,
    ]).toEqual([null, null, null, null, null]);
    expect(report.notes).toEqual(['http, startup_ms, first_load_js_kb: skipped: run npm run build first']);
    expect(details.ingest.postsPerPass).toEqual(details.corpus.records);
    expect(formatReport(report, details)).toContain('first-load JS of /: n/a');
    expect(details.sitemap).toEqual(null);
    expect(formatReport(report, details)).toContain('sitemap: n/a');
  }, 180_000);
});
