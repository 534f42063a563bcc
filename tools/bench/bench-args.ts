import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PEER_NAMES, type PeerName } from './peers';
import { UsageError } from '../../lib/errors';

export const BENCH_PARTS = ['ingest', 'build', 'search', 'http'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export const BENCH_USAGE = `Usage: npm run bench -- [--posts N] [--out FILE.json] [--seed S] [--quick]
  [--peers ${PEER_NAMES.join(',')}|none] [--only ${BENCH_PARTS.join(',')}] [--http-seconds 20] [--connections 32]
  --quick: 2000 posts, short search budgets, 3 s of HTTP load (for CI: it checks the bench runs, not speed).`;

const list = <T extends string>(allowed: readonly T[]) =>
  z
    .string()
    .transform((s) => (s === 'none' ? [] : s.split(',').map((p) => p.trim())))
    .pipe(
      z.array(z.enum(allowed as [T, ...T[]], { message: `expected a comma list of ${allowed.join(', ')}` })),
    );

const count = z.coerce
  .number({ message: 'expected a number' })
  .int()
  .positive('expected a positive whole number');

const RawBenchArgs = z.object({
  posts: z.preprocess((v) => (typeof v === 'string' ? v.replaceAll('_', '') : v), count).optional(),
  out: z.string().min(1).optional(),
  seed: z.string().min(1).default('1'),
  quick: z.boolean().default(false),
  peers: list(PEER_NAMES).optional(),
  only: list(BENCH_PARTS).optional(),
  'http-seconds': count.optional(),
  connections: count.default(32),
});

/** The benchmark's settings after defaults (`--quick` lowers the corpus size, budgets and HTTP duration). */
export type BenchArgs = {
  posts: number;
  out: string | undefined;
  seed: string;
  quick: boolean;
  peers: PeerName[];
  parts: Set<BenchPart>;
  httpSeconds: number;
  connections: number;
};

/** Parse `npm run bench` arguments. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        posts: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        quick: { type: 'boolean' },
        peers: { type: 'string' },
        only: { type: 'string' },
        'http-seconds': { type: 'string' },
        connections: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${BENCH_USAGE}`);
  }
  const result = RawBenchArgs.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UsageError(`--${issue.path.join('.')}: ${issue.message}\n${BENCH_USAGE}`);
  }
  const a = result.data;
  return {
    posts: a.posts ?? (a.quick ? 2000 : 100_000),
    out: a.out,
    seed: a.seed,
    quick: a.quick,
    peers: a.peers ?? [...PEER_NAMES],
    parts: new Set(a.only ?? BENCH_PARTS),
    httpSeconds: a['http-seconds'] ?? (a.quick ? 3 : 20),
    connections: a.connections,
  };
}
