/**
 * Tokenisation shared by the embedded engine, the highlighter and query parsing.
 * Identifiers are kept whole (`nwprotocoltls.options`, `ip_recvif`, `0xbaadca11`) and also split into
 * their parts (`nwprotocoltls`, `options`; `ip`, `recvif`; camelCase `ne`, `hotspot`, `helper`), so a
 * search matches them whole or in parts. A leading minus is never part of a token: `-9836` is `9836`.
 */

const RAW_TOKEN = /[\p{L}\p{N}_]+(?:[._][\p{L}\p{N}_]+)*/gu;
const CAMEL_BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/u;

/** The raw identifier-like tokens of a text, with their offsets, before lowercasing. */
export function rawTokens(text: string): Array<{ token: string; start: number; end: number }> {
  const out: Array<{ token: string; start: number; end: number }> = [];
  for (const m of text.matchAll(RAW_TOKEN)) {
    const start = m.index ?? 0;
    out.push({ token: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** The parts of one raw token: split on `.` and `_`, then on camelCase boundaries; lowercased, deduplicated. */
export function tokenParts(token: string): string[] {
  const parts = new Set<string>();
  for (const piece of token.split(/[._]+/)) {
    if (!piece) continue;
    parts.add(piece.toLowerCase());
    if (/^0x[0-9a-f]+$/i.test(piece)) {
      parts.add(piece.slice(2).toLowerCase());
      continue;
    }
    const camel = piece.split(CAMEL_BOUNDARY).filter((p) => p.length > 1);
    if (camel.length > 1) for (const c of camel) parts.add(c.toLowerCase());
  }
  return [...parts];
}

/** Index tokens of a text: every whole token lowercased plus its parts. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const { token } of rawTokens(text)) {
    const whole = token.toLowerCase();
    out.push(whole);
    for (const part of tokenParts(token)) if (part !== whole) out.push(part);
  }
  return out;
}

/** Query tokens of a text: whole tokens only, lowercased (a query word must match as a whole or a part). */
export function queryTokens(text: string): string[] {
  return rawTokens(text).map((t) => t.token.toLowerCase());
}

/** True when a token is made of digits (with dots), where typos must never be allowed. */
export function isNumericToken(token: string): boolean {
  return /^[0-9][0-9.]*$/.test(token) || /^0x[0-9a-f]+$/i.test(token);
}
