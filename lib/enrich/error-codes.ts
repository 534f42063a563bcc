import type { ErrorCatalog } from '../catalog/error-catalog';
import { domainHits, type CodeHit } from './error-domain-hits';
import { feedbackIds as feedbackIdsFromRuns } from './feedback-ids';
import { canonicalHex, HEX_CODE, OSSTATUS_CODE, splitDomainCode } from '../catalog/error-entry';
import { RUN_END, RUN_FLAGS, RUN_HASH, RUN_SIZE, RUN_START, RUN_WORD } from './token-scanner';
import {
  HashFilter,
  RUN_ALL_HEX,
  RUN_HAS_UNDERSCORE,
  type IdentifierRuns,
  type TokenWatch,
} from './token-scanner';
import { isWhiteSpace } from '../text/char-classes';

/** What a text says about error codes and feedback reports. */
export type ExtractedCodes = {
  /** Canonical codes in order of first appearance: `-9836`, `0xBAADCA11`, `OSSystemExtensionErrorDomain 1`. */
  errorCodes: string[];
  /** Every lowercase form a user may type for those codes, for matching. */
  errorCodeVariants: string[];
  /** Feedback Assistant ids, uppercase: `FB17586550`. */
  feedbackIds: string[];
};

type Hit = CodeHit;

/** True for `[\s"'“‘(=:]`, the characters an OSStatus value may follow. */
function beforeNegative(c: number): boolean {
  return (
    c === 34 ||
    c === 39 ||
    c === 40 ||
    c === 61 ||
    c === 58 ||
    c === 0x201c ||
    c === 0x2018 ||
    isWhiteSpace(c)
  );
}

/** True for an ASCII digit code. */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * OSStatus-like negative numbers outside the given spans: `-` after start, space, quote, `(`, `=` or `:`, then
 * 3–6 digits not starting with 0, not followed by another digit nor by `.`/`,` and a digit (a date, range or decimal).
 */
function osStatusHits(text: string, taken: readonly Hit[]): Hit[] {
  const hits: Hit[] = [];
  for (let index = text.indexOf('-'); index >= 0; index = text.indexOf('-', index + 1)) {
    if (index > 0 && !beforeNegative(text.charCodeAt(index - 1))) continue;
    const first = text.charCodeAt(index + 1);
    if (first < 49 || first > 57) continue;
    let end = index + 2;
    while (isDigit(text.charCodeAt(end))) end++;
    const digits = end - index - 1;
    if (digits < 3 || digits > 6) continue;
    const next = text.charCodeAt(end);
    if ((next === 46 || next === 44) && isDigit(text.charCodeAt(end + 1))) continue;
    if (taken.some((t) => index >= t.index && index < t.end)) continue;
    hits.push({ index, end, code: text.slice(index, end) });
  }
  return hits;
}

/**
 * From the identifier runs: exception codes (`0x` + eight hex digits, not zero-padded values; bare eight hex
 * digits the catalog knows), catalog symbols (`errSSLPeerProtocolVersion` → `-9836`), and whether a feedback
 * id may be present.
 */
function runHits(
  runs: IdentifierRuns,
  catalog: ErrorCatalog,
  filter: HashFilter,
): { hex: Hit[]; bareHex: Hit[]; symbols: Hit[]; maybeFeedback: boolean } {
  const { text, data, count } = runs;
  const hex: Hit[] = [];
  const bareHex: Hit[] = [];
  const symbols: Hit[] = [];
  let maybeFeedback = false;
  for (let k = 0; k < count; k++) {
    const base = k * RUN_SIZE;
    const index = data[base + RUN_START]!;
    const end = data[base + RUN_END]!;
    const length = end - index;
    if (data[base + RUN_WORD] === index) {
      // A run starting with a letter or `_`: a catalog symbol, a feedback id, or bare hex starting with a letter.
      if (length >= 4 && filter.has(data[base + RUN_HASH]!)) {
        const entry = catalog.bySymbol.get(text.slice(index, end).toLowerCase());
        if (entry) symbols.push({ index, end, code: entry.code });
      }
    } else if (
      length === 10 &&
      text.charCodeAt(index) === 48 &&
      text.charCodeAt(index + 1) === 120 &&
      isHexRun(text, index + 2, end)
    ) {
      const digits = text.slice(index + 2, end);
      if (!digits.startsWith('0000')) hex.push({ index, end, code: canonicalHex(digits)! });
    }
    const flags = data[base + RUN_FLAGS]!;
    if (length >= 9 && !maybeFeedback)
      maybeFeedback = (text.charCodeAt(index) | 32) === 102 || (flags & RUN_HAS_UNDERSCORE) !== 0;
    if (length === 8 && (flags & RUN_ALL_HEX) !== 0) {
      const code = canonicalHex(text.slice(index, end))!;
      if (catalog.byCode.has(code)) bareHex.push({ index, end, code });
    }
  }
  return { hex, bareHex, symbols, maybeFeedback };
}

/** True when every character in [from, to) is a hex digit. */
function isHexRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 32;
    if (!(isDigit(c) || (c >= 97 && c <= 102))) return false;
  }
  return true;
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

/**
 * The error-code extractor of one catalog: it knows the catalog's symbols (`errSSLPeerProtocolVersion`), which
 * the token scanner must keep ({@link watch}), behind a hash filter built once.
 */
export class ErrorCodeExtractor {
  /** What the token scanner must keep: the catalog's symbols (the shapes of codes it keeps anyway). */
  readonly watch: TokenWatch;
  private readonly symbols: HashFilter;

  constructor(readonly catalog: ErrorCatalog) {
    this.symbols = new HashFilter(catalog.bySymbol.keys());
    this.watch = { words: [...catalog.bySymbol.keys()] };
  }

  /** Error codes (canonical, in order of first appearance), their typed variants, and feedback ids of a text. */
  extract(runs: IdentifierRuns): ExtractedCodes {
    const { catalog } = this;
    const domains = domainHits(runs, catalog);
    const fromRuns = runHits(runs, catalog, this.symbols);
    const hits = [
      ...domains,
      ...osStatusHits(runs.text, domains),
      ...fromRuns.hex,
      ...fromRuns.bareHex,
      ...fromRuns.symbols,
    ].sort((a, b) => a.index - b.index);
    const errorCodes = [...new Set(hits.map((h) => h.code))];
    const errorCodeVariants = [...new Set(errorCodes.flatMap((code) => codeVariants(code, catalog)))];
    const feedbackIds = fromRuns.maybeFeedback ? feedbackIdsFromRuns(runs) : [];
    return { errorCodes, errorCodeVariants, feedbackIds };
  }
}
