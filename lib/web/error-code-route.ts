import { codeFromSlug, findEntry, type ErrorCatalog, type ErrorEntry } from '@/lib/catalog/error-catalog';

/** decodeURIComponent that returns the input when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An `/errors/[code]` segment read: the canonical code, and its catalog entry when the catalog has one. */
export type ErrorCodeRoute = { code: string; entry: ErrorEntry | undefined };

/**
 * The catalog entry and canonical code for a URL segment in any written form (`-9836`, `9836`, the symbol,
 * `NEVPNErrorDomain-5`), or null when it names no code at all.
 */
export function resolveErrorSegment(segment: string, catalog: ErrorCatalog): ErrorCodeRoute | null {
  const decoded = safeDecode(segment);
  const fromSlug = codeFromSlug(segment);
  const entry = findEntry(catalog, decoded) ?? (fromSlug ? findEntry(catalog, fromSlug) : undefined);
  const code = entry?.code ?? fromSlug;
  return code ? { code, entry } : null;
}
