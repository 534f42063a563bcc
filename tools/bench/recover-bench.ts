import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recoverCode } from '../../lib/markdown/recover/recover-code';
import { renderPostBody } from '../../lib/markdown/render';
import { hostileBodies } from './hostile-bodies';
import { median } from './stats';

/**
 * Code recovery on hostile bodies (see hostile-bodies.ts) and on the bundled dump: the median of a few runs of
 * `recoverCode`, and of the whole render of a thread's body (`renderPostBody`: recovery, markdown, highlighting)
 * at the first size.
 * Run: `nice -n 10 npx tsx tools/bench/recover-bench.ts [chars…]` (default 20000 100000).
 */
const RUNS = 3;

function medianMs(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const sizes = process.argv.slice(2).map(Number);
const columns = sizes.length > 0 ? sizes : [20_000, 100_000];
const dump = readFileSync(
  path.resolve(import.meta.dirname, '../../content/dumps/network-extension-forum-dump.txt'),
  'utf8',
);
const bodies = dump.split('\n').filter((line) => line.length > 200);
console.log(
  `dump: ${bodies.length} bodies, recover ${medianMs(() => bodies.forEach((b) => recoverCode(b))).toFixed(1)} ms, render ${medianMs(() => bodies.forEach((b) => renderPostBody(b))).toFixed(1)} ms (all of them)`,
);
// The render (markdown, highlighting) is timed at the first size only: the markdown parser, not recovery, is
// slow on some of these bodies (`/*` repeated), and at 100,000 characters would take minutes.
console.log(['body', `render ${columns[0]}`, ...columns.map((n) => `recover ${n}`)].join('\t'));
const rows = columns.map((n) => hostileBodies(n));
rows[0]!.forEach(([name, first], i) => {
  const render = medianMs(() => renderPostBody(first));
  const recover = rows.map((row) => medianMs(() => recoverCode(row[i]![1])));
  console.log([name, ...[render, ...recover].map((ms) => ms.toFixed(0))].join('\t'));
});
