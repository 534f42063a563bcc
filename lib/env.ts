import { z } from 'zod';
import { EngineKind } from './search/types';

/**
 * Server environment, parsed once. Nothing here is exposed to the browser: no `NEXT_PUBLIC_` keys.
 * - `MEILI_HOST` set → the Meilisearch engine; unset → the embedded engine reading `DATA_DIR`.
 * - `MEILI_MASTER_KEY` is for ingestion only; the web server searches with `MEILI_SEARCH_KEY`.
 */
const ServerEnv = z.object({
  MEILI_HOST: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_SEARCH_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('posts'),
  DATA_DIR: z.string().min(1).default('data'),
  SEARCH_ENGINE: EngineKind.optional(),
  /** Recent results the embedded engine keeps per loaded index; 0 turns the cache off. */
  SEARCH_CACHE_ENTRIES: z.coerce.number().int().nonnegative().max(100_000).default(256),
  /** The absolute base of canonical, feed and sitemap links; unset → the request's own host. */
  SITE_URL: z.url().optional(),
  /** `1`: behind a proxy we run, so trust its `X-Forwarded-Host` and `X-Forwarded-Proto`. */
  TRUST_PROXY: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** Parse an environment (defaults to `process.env`); throws one readable message naming the bad variables. */
export function parseServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = ServerEnv.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

let cached: ServerEnv | undefined;

/** The process environment, parsed on first use. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv();
  return cached;
}
