import { OSSTATUS_CODE, splitDomainCode, type ErrorCatalog } from './error-entry';

/**
 * The canonical spelling of error domains, apart from the catalog loader so the extractor (and the ingest
 * workers running it) do not load the Markdown renderer that module imports.
 */

/** Domains whose spelling we know even when the catalog has no entry for them. */
const KNOWN_DOMAINS = [
  'NSOSStatusErrorDomain',
  'NSPOSIXErrorDomain',
  'NSURLErrorDomain',
  'NSCocoaErrorDomain',
];

const domainNames = new WeakMap<ErrorCatalog, Map<string, string>>();

/** The canonical spelling of an error domain: the catalog's, a well-known one, or as written. */
export function canonicalDomain(domain: string, catalog: ErrorCatalog): string {
  let names = domainNames.get(catalog);
  if (!names) {
    names = new Map(KNOWN_DOMAINS.map((d) => [d.toLowerCase(), d]));
    for (const entry of catalog.entries) {
      const split = splitDomainCode(entry.code);
      if (split) names.set(split.domain.toLowerCase(), split.domain);
    }
    domainNames.set(catalog, names);
  }
  return names.get(domain.toLowerCase()) ?? domain;
}

/**
 * The canonical code of a domain and a number: `ossystemextensionerrordomain`, `1` → `OSSystemExtensionErrorDomain 1`.
 * An `NSOSStatusErrorDomain` error is an OSStatus, so a negative code there is the bare number: `-9836`.
 */
export function canonicalDomainCode(domain: string, code: number, catalog: ErrorCatalog): string {
  const name = canonicalDomain(domain, catalog);
  if (name === 'NSOSStatusErrorDomain' && OSSTATUS_CODE.test(String(code))) return String(code);
  return `${name} ${code}`;
}
