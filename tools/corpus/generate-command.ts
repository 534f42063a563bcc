import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadErrorCatalog } from '../../lib/catalog/error-catalog';
import { loadTopics } from '../../lib/catalog/topics';
import { writeCorpus, type CorpusStats } from './dump-writer';
import { buildWordPools } from './word-pools';
import { UsageError } from '../../lib/errors';

export const USAGE = 'Usage: npm run generate -- --posts N --out FILE [--seed S]';

const GenerateArgs = z.object({
  posts: z.coerce.number({ message: 'expected a number' }).int().positive('expected a positive whole number'),
  out: z.string().min(1, 'expected a file path'),
  seed: z.string().min(1).default('1'),
});
export type GenerateArgs = z.output<typeof GenerateArgs>;

/** Parse `--posts N --out FILE [--seed S]` (`1e6` and `100_000` are accepted for N). */
export function parseGenerateArgs(argv: string[]): GenerateArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: { posts: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const posts = typeof values.posts === 'string' ? values.posts.replaceAll('_', '') : values.posts;
  const result = GenerateArgs.safeParse({ ...values, posts });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UsageError(`--${issue.path.join('.')}: ${issue.message}\n${USAGE}`);
  }
  return result.data;
}

/** Generate a corpus file with the vocabulary of the content folders; progress goes to `log`. */
export async function generateCorpusFile(
  args: GenerateArgs,
  log: (line: string) => void = () => {},
): Promise<CorpusStats> {
  const vocab = buildWordPools(loadErrorCatalog(), loadTopics());
  let nextReport = 256 << 20;
  return writeCorpus(args.out, { posts: args.posts, seed: args.seed }, vocab, (bytes) => {
    if (bytes < nextReport) return;
    nextReport += 256 << 20;
    log(`  ${(bytes / 1e6).toFixed(0)} MB written`);
  });
}
