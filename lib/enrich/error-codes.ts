import { canonicalDomainCode, type ErrorCatalog } from '../catalog/error-catalog';
import { canonicalHex, HEX_CODE, OSSTATUS_CODE, splitDomainCode } from '../catalog/error-entry';

/** What a text says about error codes and feedback reports. */
export type ExtractedCodes = {
  /** Canonical codes in order of first appearance: `-9836`, `0xBAADCA11`, `OSSystemExtensionErrorDomain 1`. */
  errorCodes: string[];
  /** Every lowercase form a user may type for those codes, for matching. */
  errorCodeVariants: string[];
  /** Feedback Assistant ids, uppercase: `FB17586550`. */
  feedbackIds: string[];
};

type Hit = { index: number; end: number; code: string };

/** `OSSystemExtensionErrorDomain code 1`, `Domain=NSURLErrorDomain Code=-1009`, `(NEVPNErrorDomain error 5.)`. */
const DOMAIN_AND_CODE =
  /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]*ErrorDomain)(?:\s*[,:]?\s*(?:code|error)\s*[=:]?\s*|\s*[=:]\s*|\s+)(-?\d{1,6})(?!\d)/gi;
/** A negative integer of 3–6 digits after start, space, quote, `(`, `=` or `:`; never a date, range or decimal. */
const NEGATIVE_NUMBER = /(?<=^|[\s"'“‘(=:])-([1-9]\d{2,5})(?!\d|[.,]\d)/g;
/** Exactly eight hex digits after `0x`: longer runs are addresses, shorter ones bytes. */
const HEX_WORD = /(?<![0-9A-Za-z_])0x([0-9A-Fa-f]{8})(?![0-9A-Za-z_])/g;
/** Eight hex digits without `0x`: a code only when the catalog knows it (`baadca11`). */
const BARE_HEX_WORD = /(?<![0-9A-Za-z_])[0-9A-Fa-f]{8}(?![0-9A-Za-z_])/g;
const IDENTIFIER = /(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]{3,}(?![A-Za-z0-9_])/g;
const FEEDBACK_ID = /(?<![A-Za-z0-9])FB(\d{7,9})(?!\d)/gi;

/** Domain + code pairs, with the spans they cover so their numbers are not read again as OSStatus values. */
function domainHits(text: string, catalog: ErrorCatalog): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(DOMAIN_AND_CODE)) {
    const index = m.index ?? 0;
    hits.push({ index, end: index + m[0].length, code: canonicalDomainCode(m[1]!, Number(m[2]), catalog) });
  }
  return hits;
}

/** OSStatus-like negative numbers outside the given spans. */
function osStatusHits(text: string, taken: readonly Hit[]): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(NEGATIVE_NUMBER)) {
    const index = m.index ?? 0;
    if (taken.some((t) => index >= t.index && index < t.end)) continue;
    hits.push({ index, end: index + m[0].length, code: m[0] });
  }
  return hits;
}

/** Exception codes: `0x` + eight hex digits (not zero-padded values), and bare ones the catalog knows. */
function hexHits(text: string, catalog: ErrorCatalog): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(HEX_WORD)) {
    if (m[1]!.startsWith('0000')) continue;
    const index = m.index ?? 0;
    hits.push({ index, end: index + m[0].length, code: canonicalHex(m[1]!)! });
  }
  for (const m of text.matchAll(BARE_HEX_WORD)) {
    const code = canonicalHex(m[0])!;
    if (!catalog.byCode.has(code)) continue;
    const index = m.index ?? 0;
    hits.push({ index, end: index + m[0].length, code });
  }
  return hits;
}

/** Symbolic names the catalog knows: `errSSLPeerProtocolVersion` → `-9836`. */
function symbolHits(text: string, catalog: ErrorCatalog): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(IDENTIFIER)) {
    const entry = catalog.bySymbol.get(m[0].toLowerCase());
    if (!entry) continue;
    const index = m.index ?? 0;
    hits.push({ index, end: index + m[0].length, code: entry.code });
  }
  return hits;
}

/** The lowercase forms a user may type for one canonical code, symbol included when the catalog has one. */
export function codeVariants(code: string, catalog: ErrorCatalog): string[] {
  const out: string[] = [];
  const split = splitDomainCode(code);
  if (split) {
    const domain = split.domain.toLowerCase();
    out.push(domain, `${domain} ${split.number}`);
    if (Math.abs(split.number) >= 100) out.push(String(split.number), String(Math.abs(split.number)));
  } else if (HEX_CODE.test(code)) {
    out.push(code.toLowerCase(), code.slice(2).toLowerCase());
  } else if (OSSTATUS_CODE.test(code)) {
    out.push(code, code.slice(1));
  } else {
    out.push(code.toLowerCase());
  }
  const symbol = catalog.byCode.get(code)?.symbol;
  if (symbol) out.push(symbol.toLowerCase());
  return [...new Set(out)];
}

/** Error codes (canonical, in order of first appearance), their typed variants, and feedback ids of a text. */
export function extractErrorCodes(text: string, catalog: ErrorCatalog): ExtractedCodes {
  const domains = domainHits(text, catalog);
  const hits = [
    ...domains,
    ...osStatusHits(text, domains),
    ...hexHits(text, catalog),
    ...symbolHits(text, catalog),
  ].sort((a, b) => a.index - b.index);
  const errorCodes = [...new Set(hits.map((h) => h.code))];
  const errorCodeVariants = [...new Set(errorCodes.flatMap((code) => codeVariants(code, catalog)))];
  const feedbackIds = [...new Set([...text.matchAll(FEEDBACK_ID)].map((m) => `FB${m[1]}`))];
  return { errorCodes, errorCodeVariants, feedbackIds };
}
