import type { ErrorCatalog } from '@/lib/catalog/error-catalog';
import { canonicalDomainCode } from '@/lib/catalog/error-domains';
import type { CodeHit } from '@/lib/enrich/error-domain-hits';
import {
  LONG_RUN,
  lowerHash,
  RUN_ALL_HEX,
  RUN_HAS_UNDERSCORE,
  type TokenScanner,
} from '@/lib/enrich/token-scanner';

/**
 * Reference implementations, the test oracles of the fast scans in lib/enrich: each does the same job the plain
 * way (a regular expression over the whole text, or `charCodeAt` on the string), and the tests pin the fast
 * scans to them on the real dump and on random texts.
 */

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isRun = (c: number) => isHex(c) || c === 95 || (c >= 71 && c <= 90) || (c >= 103 && c <= 122);

/**
 * The runs `scanner.scan` keeps, by `charCodeAt` on the string itself: their numbers flat (start, word, end,
 * hash, stem hash, flags per run), the long runs' word spans, and the text's flags.
 */
export function identifierRunsByCharCodes(
  text: string,
  scanner: TokenScanner,
): { data: number[]; long: number[]; nonAscii: boolean; allRuns: boolean } {
  const data: number[] = [];
  const long: number[] = [];
  const allRuns = text.includes('\u017f') || text.includes('\u212a');
  let nonAscii = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 128) nonAscii = true;
    if (!isRun(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const word = i;
    while (i < text.length && isRun(text.charCodeAt(i))) i++;
    const run = text.slice(start, i);
    const hash = lowerHash(text.slice(word, i));
    const stem = lowerHash(text.slice(word, Math.max(word, i - 1)));
    const underscore = run.includes('_') ? RUN_HAS_UNDERSCORE : 0;
    const allHex = [...run].every((ch) => isHex(ch.charCodeAt(0)));
    if (i - word >= LONG_RUN) long.push(word, i);
    const first = run.charCodeAt(0);
    const ordinary =
      !allRuns &&
      underscore === 0 &&
      (word === start || word === i) &&
      !(run.length === 8 && allHex) &&
      !(run.length === 10 && first === 48) &&
      !(run.length >= 9 && (first | 32) === 102);
    const second = run.length > 1 ? run.charCodeAt(1) : 0;
    const third = run.length > 2 ? run.charCodeAt(2) : 0;
    const plural = run.endsWith('s') ? stem : -1;
    if (ordinary && !scanner.watches(first, second, third, hash, plural)) continue;
    data.push(start, word, i, hash, stem, (allHex ? RUN_ALL_HEX : 0) | underscore);
  }
  return { data, long, nonAscii, allRuns };
}

/** `OSSystemExtensionErrorDomain code 1`, `Domain=NSURLErrorDomain Code=-1009`, `(NEVPNErrorDomain error 5.)`. */
const DOMAIN_AND_CODE =
  /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]*ErrorDomain)(?:\s*[,:]?\s*(?:code|error)\s*[=:]?\s*|\s*[=:]\s*|\s+)(-?\d{1,6})(?!\d)/gi;

/** Domain + code pairs by one global regex pass over the whole text (the oracle of `domainHits`). */
export function domainHitsByRegex(text: string, catalog: ErrorCatalog): CodeHit[] {
  const hits: CodeHit[] = [];
  for (const m of text.matchAll(DOMAIN_AND_CODE)) {
    const index = m.index ?? 0;
    hits.push({ index, end: index + m[0].length, code: canonicalDomainCode(m[1]!, Number(m[2]), catalog) });
  }
  return hits;
}

/** A feedback id: `FB17586550`, where no ASCII letter or digit comes before it. */
const FEEDBACK_ID = /(?<![A-Za-z0-9])FB(\d{7,9})(?!\d)/gi;

/** Feedback Assistant ids of a text by one global regex pass (the oracle of `feedbackIds`). */
export function feedbackIdsByRegex(text: string): string[] {
  return [...new Set([...text.matchAll(FEEDBACK_ID)].map((m) => `FB${m[1]}`))];
}
