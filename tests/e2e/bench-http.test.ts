import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '@/tools/bench/bench-args';
import { runBench } from '@/tools/bench/run-bench';

describe('bench, HTTP part, against the built app', () => {
  it('times the cold start, sizes the first-load JS and load-tests the API with and without the result cache', async () => {
    const args = {
      ...parseBenchArgs(['--quick', '--posts', '300', '--only', 'http', '--peers', 'none']),
      httpSeconds: 1,
      connections: 4,
    };
    const { report, details } = await runBench(args, () => {});
    expect(report.notes).toEqual([]);
    expect([report.startup_ms! > 0, report.first_load_js_kb! > 0, details.firstLoadFiles! > 0]).toEqual([
      true,
      true,
      true,
    ]);
    // The search page and a thread ship at most 5 kB gzip more than a page with only the layout.
    const empty = details.firstLoadEmptyKb!;
    expect([
      empty > 0,
      report.first_load_js_kb! - empty <= 5,
      details.firstLoadThreadKb! - empty <= 5,
    ]).toEqual([true, true, true]);
    for (const figure of [report.http, report.http_uncached, report.http_floor]) {
      expect(figure && [figure.connections, figure.errors, figure.req_per_s > 0]).toEqual([4, 0, true]);
    }
  }, 120_000);
});
