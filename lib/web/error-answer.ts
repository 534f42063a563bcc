import { findEntry, type ErrorCatalog } from '@/lib/catalog/error-catalog';
import { errorHref } from './post-links';

/** What the search page says about a query that is one known error code, above the threads. */
export type ErrorAnswer = { code: string; symbol?: string; domain: string; meaning: string; href: string };

/**
 * The catalog's answer when the whole query is one error code in any written form (`-9816`, `9816`,
 * `errSSLClosedNoNotify`, `dead10cc`, `NEVPNErrorDomain Code=5`), else null: a query such as `-9836 tls` asks
 * for threads, not for the code.
 */
export function errorAnswer(q: string, catalog: ErrorCatalog): ErrorAnswer | null {
  const text = q
    .trim()
    .replace(/^code:/i, '')
    .replace(/^"(.*)"$/, '$1');
  if (!text || text.length > 80) return null;
  const entry = findEntry(catalog, text);
  if (!entry) return null;
  return {
    code: entry.code,
    ...(entry.symbol ? { symbol: entry.symbol } : {}),
    domain: entry.domain,
    meaning: entry.meaning,
    href: errorHref(entry.code),
  };
}
