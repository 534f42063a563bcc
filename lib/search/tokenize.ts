/**
 * Tokenisation shared by the embedded engine, the highlighter and query parsing.
 * Identifiers are kept whole (`nwprotocoltls.options`, `ip_recvif`, `0xbaadca11`) and also split into
 * their parts (`nwprotocoltls`, `options`; `ip`, `recvif`; camelCase `ne`, `hotspot`, `helper`), so a
 * search matches them whole or in parts. A leading minus is never part of a token: `-9836` is `9836`.
 *
 * A raw token is a run of letters, numbers and `_` (Unicode `\p{L}\p{N}_`), possibly joined by single dots
 * (`/[\p{L}\p{N}_]+(?:[._][\p{L}\p{N}_]+)*\/gu`). The scanner below reads char codes instead of running that
 * regular expression: the index build tokenises hundreds of megabytes, and this is several times faster.
 */

import { ASCII_WORD, wordCharLength } from '../text/char-classes';

const DOT = 46;
const UNDERSCORE = 95;

/** The end of the raw token that starts at `start` (a word character). */
function tokenEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (ASCII_WORD[c] === 0) break;
        i++;
      } else {
        const w = wordCharLength(text, i);
        if (w === 0) break;
        i += w;
      }
    }
    if (text.charCodeAt(i) === DOT && wordCharLength(text, i + 1) > 0) {
      i++;
      continue;
    }
    return i;
  }
}

/**
 * Call `visit(start, end)` for every raw token of a text, in order; or only for those that start in
 * `[from, until)`, where `from` must not be inside a token (the text's start, or just after a character no
 * token holds).
 */
export function scanTokens(
  text: string,
  visit: (start: number, end: number) => void,
  from = 0,
  until = text.length,
): void {
  const n = Math.min(until, text.length);
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] === 0 : wordCharLength(text, i) === 0) {
      i++;
      continue;
    }
    const end = tokenEnd(text, i);
    visit(i, end);
    i = end;
  }
}

/** The raw identifier-like tokens of a text, with their offsets, before lowercasing. */
export function rawTokens(text: string): Array<{ token: string; start: number; end: number }> {
  const out: Array<{ token: string; start: number; end: number }> = [];
  scanTokens(text, (start, end) => out.push({ token: text.slice(start, end), start, end }));
  return out;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexDigit = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** Whether `s[from, to)` is `0x` followed by hex digits (any case). */
function isHexLiteral(s: string, from: number, to: number): boolean {
  if (to - from < 3 || s.charCodeAt(from) !== 48 || (s.charCodeAt(from + 1) | 32) !== 120) return false;
  for (let i = from + 2; i < to; i++) if (!isHexDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Whether a camelCase boundary falls before index `k` of `s[from, to)`: `aB`, `9B`, or `A|Bc`. */
function camelBoundary(s: string, from: number, to: number, k: number): boolean {
  if (k <= from || k >= to) return false;
  const prev = s.charCodeAt(k - 1);
  const cur = s.charCodeAt(k);
  if (!isUpper(cur)) return false;
  if (isLower(prev) || isDigit(prev)) return true;
  return isUpper(prev) && k + 1 < to && isLower(s.charCodeAt(k + 1));
}

/**
 * Whether index `k` of the token `s[from, to)` falls between two of its parts, where a highlighted run may start or
 * end: the token's ends, either side of a `.` or `_`, a camelCase boundary (`NW|Protocol|TLS`), or after the `0x`
 * of a hex literal (`0x|BAADCA11`).
 */
export function isPartBoundary(s: string, from: number, to: number, k: number): boolean {
  if (k <= from || k >= to) return k === from || k === to;
  const prev = s.charCodeAt(k - 1);
  const cur = s.charCodeAt(k);
  if (prev === DOT || prev === UNDERSCORE || cur === DOT || cur === UNDERSCORE) return true;
  if (camelBoundary(s, from, to, k)) return true;
  let pieceStart = k;
  while (
    pieceStart > from &&
    s.charCodeAt(pieceStart - 1) !== DOT &&
    s.charCodeAt(pieceStart - 1) !== UNDERSCORE
  )
    pieceStart--;
  if (k !== pieceStart + 2) return false;
  let pieceEnd = k;
  while (pieceEnd < to && s.charCodeAt(pieceEnd) !== DOT && s.charCodeAt(pieceEnd) !== UNDERSCORE) pieceEnd++;
  return isHexLiteral(s, pieceStart, pieceEnd);
}

/** Add the parts of one piece (`s[from, to)`, no `.` or `_`) to `add`: itself, hex without `0x`, camelCase parts. */
function pieceParts(s: string, from: number, to: number, add: (part: string) => void): void {
  const piece = s.slice(from, to);
  add(piece.toLowerCase());
  if (isHexLiteral(s, from, to)) {
    add(piece.slice(2).toLowerCase());
    return;
  }
  let segments: string[] | undefined;
  let segmentStart = from;
  for (let k = from + 1; k < to; k++) {
    if (!camelBoundary(s, from, to, k)) continue;
    if (k - segmentStart > 1) (segments ??= []).push(s.slice(segmentStart, k));
    segmentStart = k;
  }
  if (segmentStart === from) return;
  if (to - segmentStart > 1) (segments ??= []).push(s.slice(segmentStart, to));
  if (segments && segments.length > 1) for (const c of segments) add(c.toLowerCase());
}

/** Whether a token has no `.`/`_`, is no hex literal and has no camelCase boundary: its only part is itself. */
export function isPlainToken(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === DOT || c === UNDERSCORE || camelBoundary(s, from, to, i)) return false;
  }
  return !isHexLiteral(s, from, to);
}

/** Call `add` for each part of `s[from, to)`: split on `.`/`_`, then hex and camelCase parts (repeats included). */
export function forEachPart(s: string, from: number, to: number, add: (part: string) => void): void {
  let i = from;
  while (i < to) {
    let c = s.charCodeAt(i);
    if (c === DOT || c === UNDERSCORE) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && (c = s.charCodeAt(j)) !== DOT && c !== UNDERSCORE) j++;
    pieceParts(s, i, j, add);
    i = j;
  }
}

/** The parts of one raw token: split on `.` and `_`, then on camelCase boundaries; lowercased, deduplicated. */
export function tokenParts(token: string): string[] {
  if (isPlainToken(token, 0, token.length)) return [token.toLowerCase()];
  const parts: string[] = [];
  forEachPart(token, 0, token.length, (part) => {
    if (!parts.includes(part)) parts.push(part);
  });
  return parts;
}

/** Call `emit` for every index token of a text, in the order of `indexTokens`. */
export function forEachIndexToken(text: string, emit: (term: string) => void): void {
  scanTokens(text, (start, end) => {
    const whole = text.slice(start, end).toLowerCase();
    emit(whole);
    if (isPlainToken(text, start, end)) return;
    const parts: string[] = [];
    forEachPart(text, start, end, (part) => {
      if (!parts.includes(part)) parts.push(part);
    });
    for (const part of parts) if (part !== whole) emit(part);
  });
}

/** Index tokens of a text: every whole token lowercased plus its parts. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  forEachIndexToken(text, (term) => out.push(term));
  return out;
}

/** Query tokens of a text: whole tokens only, lowercased (a query word must match as a whole or a part). */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  scanTokens(text, (start, end) => out.push(text.slice(start, end).toLowerCase()));
  return out;
}

/** True when a token is made of digits (with dots), where typos must never be allowed. */
export function isNumericToken(token: string): boolean {
  return /^[0-9][0-9.]*$/.test(token) || /^0x[0-9a-f]+$/i.test(token);
}
