import { z } from 'zod';
import { ConfigError } from './errors';
import { WriteFaultSpec } from './search/embedded/write-faults';
import { EngineKind } from './search/types';

/** An http(s) URL, with an example of one in its message. */
const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, message: `expected an http(s) URL such as ${example}` });

/**
 * Server environment, parsed once. Nothing here is exposed to the browser: no `NEXT_PUBLIC_` keys.
 * - `MEILI_HOST` set → the Meilisearch engine; unset → the embedded engine reading `DATA_DIR`.
 * - `MEILI_MASTER_KEY` is for ingestion only; the web server searches with `MEILI_SEARCH_KEY`.
 * - `INGEST_FAULT` is a test hook only: the index writer's fault-injection seam (`write-faults.ts`).
 */
const ServerEnv = z.object({
  MEILI_HOST: httpUrl('http://localhost:7700').optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_SEARCH_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, - and _ only')
    .default('posts'),
  /** Bound on every HTTP request to Meilisearch, task polls included. */
  MEILI_TIMEOUT_MS: z.coerce.number().int().positive().max(3_600_000).default(30_000),
  /** Bound on waiting for one Meilisearch task (settings, a batch of documents, the swap) to finish. */
  MEILI_TASK_TIMEOUT_MS: z.coerce.number().int().positive().max(86_400_000).default(600_000),
  /** Largest addDocuments payload; the server refuses more than its MEILI_HTTP_PAYLOAD_SIZE_LIMIT (100 MB). */
  MEILI_BATCH_BYTES: z.coerce.number().int().min(1_000_000).max(2_000_000_000).default(50_000_000),
  DATA_DIR: z.string().min(1).default('data'),
  SEARCH_ENGINE: EngineKind.optional(),
  /** Recent results the embedded engine keeps per loaded index; 0 turns the cache off. */
  SEARCH_CACHE_ENTRIES: z.coerce
    .number({ message: 'expected a whole number from 0 to 100000' })
    .int('expected a whole number from 0 to 100000')
    .nonnegative('expected a whole number from 0 to 100000')
    .max(100_000, 'expected a whole number from 0 to 100000')
    .default(256),
  /** The absolute base of canonical, feed and sitemap links; unset → the request's own host. */
  SITE_URL: httpUrl('https://forums.example.com').optional(),
  /** `1`: behind a proxy we run, so trust its `X-Forwarded-Host` and `X-Forwarded-Proto`. */
  TRUST_PROXY: z
    .enum(['0', '1'], { message: 'expected 0 or 1' })
    .default('0')
    .transform((v) => v === '1'),
  INGEST_FAULT: WriteFaultSpec.optional(),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** At most this much of a bad value is quoted back. */
const QUOTE_MAX = 60;

/**
 * Parse an environment (defaults to `process.env`); throws a ConfigError, one sentence naming the bad
 * variable and what it should be (the first of several), with the value it got.
 */
export function parseServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = ServerEnv.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    const value = cleaned[name] ?? '';
    const quoted = value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value;
    throw new ConfigError(`The environment variable ${name} is invalid: ${issue.message}, not "${quoted}".`);
  }
  return result.data;
}

let cached: ServerEnv | undefined;

/** The process environment, parsed on first use. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv();
  return cached;
}
