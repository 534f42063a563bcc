import type { ErrorCatalog } from '../catalog/error-catalog';
import { canonicalDomainCode } from '../catalog/error-domains';
import type { IdentifierRuns } from './token-scanner';
import { isAsciiAlnum } from '../text/char-classes';

/** A code found in a text, with the span it covers. */
export type CodeHit = { index: number; end: number; code: string };

/**
 * `OSSystemExtensionErrorDomain code 1`, `Domain=NSURLErrorDomain Code=-1009`, `(NEVPNErrorDomain error 5.)`:
 * the pattern `(?<![A-Za-z0-9])` + this, tried only where a word of `[A-Za-z0-9]` starts.
 */
const DOMAIN_AT =
  /([A-Za-z][A-Za-z0-9]*ErrorDomain)(?:\s*[,:]?\s*(?:code|error)\s*[=:]?\s*|\s*[=:]\s*|\s+)(-?\d{1,6})(?!\d)/iy;
/** Every DOMAIN_AND_CODE match has this in the word it starts. */
const ERROR_DOMAIN = 'errordomain';

/** True when `errordomain` is written at `at`, in any case (ASCII letters only, as the regex's `i` flag reads it). */
function errorDomainAt(text: string, at: number): boolean {
  for (let k = 0; k < ERROR_DOMAIN.length; k++)
    if ((text.charCodeAt(at + k) | 32) !== ERROR_DOMAIN.charCodeAt(k)) return false;
  return true;
}

/**
 * Domain + code pairs in order, with the spans they cover, exactly as one global pass of the pattern finds them: a
 * match starts where a word of `[A-Za-z0-9]` starts and has `ErrorDomain` in that word, so only the words holding
 * an `errordomain` (in any case) are tried; those lie in the text's long identifier runs (`runs.long`).
 */
export function domainHits(runs: IdentifierRuns, catalog: ErrorCatalog): CodeHit[] {
  const hits: CodeHit[] = [];
  const { text, long, longCount } = runs;
  let end = 0;
  let tried = -1;
  for (let j = 0; j < longCount; j++) {
    const last = long[2 * j + 1]! - ERROR_DOMAIN.length;
    for (let at = long[2 * j]!; at <= last; at++) {
      if ((text.charCodeAt(at) | 32) !== 101 || !errorDomainAt(text, at)) continue;
      let start = at;
      while (start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) start--;
      if (start === tried || start < end) continue;
      tried = start;
      DOMAIN_AT.lastIndex = start;
      const d = DOMAIN_AT.exec(text);
      if (!d) continue;
      end = start + d[0].length;
      hits.push({ index: start, end, code: canonicalDomainCode(d[1]!, Number(d[2]), catalog) });
    }
  }
  return hits;
}
