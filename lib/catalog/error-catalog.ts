import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { canonicalDomain, canonicalDomainCode } from './error-domains';
import {
  canonicalHex,
  ErrorEntry,
  type ErrorCatalog,
  OSSTATUS_CODE,
  readWrittenCode,
  splitDomainCode,
} from './error-entry';
import { ContentError } from '../errors';

export { ErrorEntry, type ErrorCatalog } from './error-entry';

/** Where the catalog lives unless told otherwise. */
export const DEFAULT_ERROR_DIR = 'content/errors';

const cache = new Map<string, ErrorCatalog>();

/** Build the lookup maps over a list of entries; throws on a duplicate code or symbol. */
export function buildErrorCatalog(entries: readonly ErrorEntry[]): ErrorCatalog {
  const catalog: ErrorCatalog = { entries: [...entries], byCode: new Map(), bySymbol: new Map() };
  for (const entry of entries) {
    const clash = catalog.byCode.get(entry.code);
    if (clash)
      throw new ContentError(`${entry.file}: code "${entry.code}" is already defined in ${clash.file}`);
    catalog.byCode.set(entry.code, entry);
    if (!entry.symbol) continue;
    const key = entry.symbol.toLowerCase();
    const other = catalog.bySymbol.get(key);
    if (other)
      throw new ContentError(`${entry.file}: symbol "${entry.symbol}" is already defined in ${other.file}`);
    catalog.bySymbol.set(key, entry);
  }
  return catalog;
}

/** Read and validate one catalog file. */
function readEntry(dir: string, file: string): ErrorEntry {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's content cache, which would also remember a failed parse.
    const location = path.join(/* turbopackIgnore: true */ dir, file);
    parsed = matter(readFileSync(/* turbopackIgnore: true */ location, 'utf8'), {});
  } catch (error) {
    throw new ContentError(`${file}: unreadable front matter: ${(error as Error).message}`);
  }
  const result = ErrorEntry.safeParse({ ...parsed.data, file, bodyMarkdown: parsed.content.trim() });
  if (!result.success) {
    const issue = result.error.issues[0];
    const field =
      issue?.code === 'unrecognized_keys'
        ? issue.keys.join(', ')
        : issue?.path.length
          ? issue.path.join('.')
          : 'front matter';
    throw new ContentError(`${file}: field "${field}": ${issue?.message ?? 'invalid'}`);
  }
  if (!result.data.bodyMarkdown) throw new ContentError(`${file}: field "bodyMarkdown": empty body`);
  return result.data;
}

/** Load every `.md` file of a directory (default `content/errors` under the working directory), once per directory. */
export function loadErrorCatalog(dir: string = DEFAULT_ERROR_DIR): ErrorCatalog {
  const absolute = path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);
  const cached = cache.get(absolute);
  if (cached) return cached;
  if (!existsSync(/* turbopackIgnore: true */ absolute))
    throw new ContentError(`error catalog directory not found: ${absolute}`);
  const files = readdirSync(/* turbopackIgnore: true */ absolute)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const catalog = buildErrorCatalog(files.map((file) => readEntry(absolute, file)));
  cache.set(absolute, catalog);
  return catalog;
}

/** Forget loaded catalogs (tests that rewrite a directory). */
export function clearErrorCatalogCache(): void {
  cache.clear();
}

// Domain spelling lives with the extractor (no Markdown renderer there, for ingest workers); exported here too.
export { canonicalDomain, canonicalDomainCode };

/** The entries of the catalog whose domain code is this number. */
function entriesWithDomainNumber(catalog: ErrorCatalog, n: number): ErrorEntry[] {
  return catalog.entries.filter((e) => splitDomainCode(e.code)?.number === n);
}

/**
 * The canonical code for anything a user may type: `-9836`, `9836`, `errsslpeerprotocolversion`, `0xbaadca11`,
 * `baadca11`, `ossystemextensionerrordomain code 1`, `NEVPNErrorDomain Code=5`, or a slug `NSURLErrorDomain--1009`.
 * Undefined when the text is no recognisable code.
 */
export function normalizeCode(anyForm: string, catalog: ErrorCatalog): string | undefined {
  const written = readWrittenCode(anyForm);
  const symbol = written.form === 'other' ? undefined : catalog.bySymbol.get(anyForm.trim().toLowerCase());
  if (symbol) return symbol.code;
  switch (written.form) {
    case 'hex':
      return written.code;
    case 'domain':
      return canonicalDomainCode(written.domain, written.number, catalog);
    case 'number': {
      const hex = canonicalHex(written.text);
      if (hex && catalog.byCode.has(hex)) return hex;
      return /^-?\d{1,6}$/.test(written.text) ? numericCode(written.text, catalog) : undefined;
    }
    case 'other':
      return written.text ? catalog.bySymbol.get(written.text.toLowerCase())?.code : undefined;
  }
}

/** A bare number: an OSStatus with or without its sign, or the one domain entry with that code. */
function numericCode(text: string, catalog: ErrorCatalog): string | undefined {
  const n = Number(text);
  const candidates = text.startsWith('-') ? [n] : [-n, n];
  for (const c of candidates) {
    if (catalog.byCode.has(String(c))) return String(c);
  }
  for (const c of candidates) {
    const matches = entriesWithDomainNumber(catalog, c);
    if (matches.length === 1) return matches[0]!.code;
  }
  return OSSTATUS_CODE.test(text) ? text : undefined;
}

/** The catalog entry for any written form of a code (see `normalizeCode`), or undefined. */
export function findEntry(catalog: ErrorCatalog, anyForm: string): ErrorEntry | undefined {
  const code = normalizeCode(anyForm, catalog);
  return code === undefined ? undefined : catalog.byCode.get(code);
}

/** The URL path segment of a code: `-9836`, `0xBAADCA11`, `OSSystemExtensionErrorDomain-1`, `NSURLErrorDomain--1009`. */
export function codeSlug(code: string): string {
  const split = splitDomainCode(code);
  return split ? `${split.domain}-${split.number}` : encodeURIComponent(code);
}

/** The canonical code of a slug made by `codeSlug` (case-insensitive for hex), or undefined. */
export function codeFromSlug(slug: string): string | undefined {
  let text: string;
  try {
    text = decodeURIComponent(slug);
  } catch {
    return undefined;
  }
  if (OSSTATUS_CODE.test(text)) return text;
  if (/^0x[0-9a-f]{8}$/i.test(text)) return canonicalHex(text);
  const m = /^([A-Za-z][A-Za-z0-9]*ErrorDomain)-(-?\d{1,6})$/.exec(text);
  return m ? `${m[1]} ${Number(m[2])}` : undefined;
}
