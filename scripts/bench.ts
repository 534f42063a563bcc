import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { parseBenchArgs } from '../tools/bench/bench-args';
import { runBench } from '../tools/bench/run-bench';
import { formatReport } from '../tools/bench/table';

const HEAP_MB = 8192;

// Peers need several GB of heap at 100k posts: re-run this script once with a larger heap and `gc` exposed.
if (getHeapStatistics().heap_size_limit < (HEAP_MB - 512) * 2 ** 20 && !process.env.BENCH_CHILD) {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      `--max-old-space-size=${HEAP_MB}`,
      '--expose-gc',
      process.argv[1]!,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
}

try {
  const args = parseBenchArgs(process.argv.slice(2));
  const { report, details } = await runBench(args, (line) => process.stderr.write(`${line}\n`));
  if (args.out) await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${formatReport(report, details)}\n`);
  if (args.out) process.stdout.write(`report: ${args.out}\n`);
} catch (error) {
  process.stderr.write(`${process.env.DEBUG ? (error as Error).stack : (error as Error).message}\n`);
  process.exitCode = 1;
}
