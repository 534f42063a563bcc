import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { monthOperand } from '../search/query';
import { EngineKind, SORTS } from '../search/types';
import { UsageError } from '../errors';

export { UsageError };

function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UsageError(`--${String(issue.path[0])}: ${issue.message}`);
}

const IngestArgs = z.object({
  paths: z.array(z.string()),
  'data-dir': z.string().min(1).optional(),
  engine: EngineKind.optional(),
  export: z.string().min(1).optional(),
  'as-of': z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date such as 2025-06-01')
    .transform((s) => new Date(s))
    .optional(),
  add: z.boolean().default(false),
  help: z.boolean().optional(),
});
export type IngestArgs = z.output<typeof IngestArgs>;

/** Parse `npm run ingest -- [--add] [PATH ...] [--data-dir DIR] [--engine E] [--export FILE] [--as-of DATE]`. */
export function parseIngestArgs(argv: string[]): IngestArgs {
  const { values, positionals } = parse(argv, {
    'data-dir': { type: 'string' },
    engine: { type: 'string' },
    export: { type: 'string' },
    'as-of': { type: 'string' },
    add: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.add && positionals.length === 0)
    throw new UsageError('--add needs the captures to add: npm run ingest -- --add FILE ...');
  return check(IngestArgs, { ...values, paths: positionals.length > 0 ? positionals : ['content/dumps'] });
}

/** `--after 2025-05` / `--before 2026-01`: a month, or a year alone (its January), as the operators read. */
const MonthArg = z
  .string()
  .refine(
    (v) => monthOperand(v) !== undefined,
    "expected a month such as '2025-05' (or a year such as '2025')",
  )
  .transform((v) => monthOperand(v)!)
  .optional();

const SearchArgs = z.object({
  query: z.string(),
  after: MonthArg,
  before: MonthArg,
  topic: z.array(z.string()).default([]),
  api: z.array(z.string()).default([]),
  os: z.array(z.string()).default([]),
  code: z.array(z.string()).default([]),
  forum: z.array(z.string().trim().min(1, "expected a forum name such as 'Network Extension'")).default([]),
  sort: z.enum(SORTS, { message: `expected one of ${SORTS.join(', ')}` }).default('relevance'),
  limit: z.coerce.number({ message: 'expected a number' }).int().min(1).max(100).default(10),
  page: z.coerce.number({ message: 'expected a number' }).int().min(1).default(1),
  'data-dir': z.string().min(1).optional(),
  engine: EngineKind.optional(),
  json: z.boolean().default(false),
  strict: z.boolean().default(false),
  help: z.boolean().optional(),
});
export type SearchArgs = z.output<typeof SearchArgs>;

/**
 * Parse `npm run search -- QUERY [--topic T] [--api A] [--os O] [--code C] [--forum F] [--after M] [--before M]
 * [--sort S] [--limit N] [--json]`.
 */
export function parseSearchArgs(argv: string[]): SearchArgs {
  // A query such as "-9836" must not be read as an option: everything that is not a known option is the query.
  const known = new Set([
    '--topic',
    '--api',
    '--os',
    '--code',
    '--forum',
    '--after',
    '--before',
    '--sort',
    '--limit',
    '--page',
    '--data-dir',
    '--engine',
  ]);
  const flags = new Set(['--json', '--strict', '--help', '-h']);
  const optionArgs: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.split('=')[0]!;
    if (known.has(name)) {
      optionArgs.push(arg);
      if (!arg.includes('=') && i + 1 < argv.length) optionArgs.push(argv[++i]!);
    } else if (flags.has(arg)) optionArgs.push(arg);
    else if (arg === '--') continue;
    else if (/^--[a-z]/.test(arg))
      throw new UsageError(`Unknown option '${arg}'. Run with --help for the options.`);
    else words.push(arg);
  }
  const { values } = parse(optionArgs, {
    topic: { type: 'string', multiple: true },
    api: { type: 'string', multiple: true },
    os: { type: 'string', multiple: true },
    code: { type: 'string', multiple: true },
    forum: { type: 'string', multiple: true },
    after: { type: 'string' },
    before: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    page: { type: 'string' },
    'data-dir': { type: 'string' },
    engine: { type: 'string' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  return check(SearchArgs, { ...values, query: words.join(' ') });
}

const ServeArgs = z.object({
  port: z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a port number' })
    .min(0)
    .max(65535),
  hostname: z.string().min(1).optional(),
  help: z.boolean().optional(),
});
export type ServeArgs = z.output<typeof ServeArgs>;

/** Parse `npm start -- [--port N] [--hostname H]` (the flags of `next start`; PORT is the default port, else 3000). */
export function parseServeArgs(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): ServeArgs {
  const { values } = parse(argv, {
    port: { type: 'string', short: 'p' },
    hostname: { type: 'string', short: 'H' },
    help: { type: 'boolean', short: 'h' },
  });
  return check(ServeArgs, { ...values, port: values.port ?? env.PORT ?? '3000' });
}
