import { codeTokens, type CodeToken } from './code-tokens';

/**
 * The tokens of text[from, to) read once, with their braces matched (a brace in a string or a comment is part of
 * that token): a balanced body from any token is a few look-ups, not a new read of the rest of the text.
 */
export type BraceIndex = {
  text: string;
  nesting: Nesting;
  tokens: CodeToken[];
  /** at.get(offset): the token that starts at that offset. */
  at: Map<number, number>;
  /** closer.get(k): the `}` matching the `{` at token k (none when it is never closed); `]` and `[` alike in JSON. */
  closer: Map<number, number>;
  /** up[k]: the `}` that closes the body token k is in (the first `}` past k with no `{` of its own), or -1. */
  up: Int32Array;
  /** nextBrace[k]: the first `{` or `}` among tokens [k, …), or the number of tokens. */
  nextBrace: Int32Array;
};

/**
 * Readings of one text: its tokens from where the search starts, and from a few declarations that start inside
 * one of them (in a string, or in a `/*` comment that never closes), whose own tokens never meet those.
 */
export type BraceReadings = { text: string; nesting: Nesting; indexes: BraceIndex[] };

/**
 * A body read from inside a token of every reading takes at most this many tokens of its own before they start
 * where a reading's tokens start; past it, its tokens become a new reading (up to MAX_READINGS), so the
 * declarations after it inside the same comment or string meet them.
 */
export const MAX_UNSYNCED_TOKENS = 64;
/**
 * The most readings of one text. Each reads the rest of the text once; past them, a body whose tokens do not
 * meet a reading's within MAX_UNSYNCED_TOKENS is no body, so no text costs more than this many reads of itself.
 */
export const MAX_READINGS = 4;

/** The readings of text[from, …) (`text` already cut where the reading stops), starting with one. */
export const braceReadings = (text: string, from: number, nesting: Nesting = '{}'): BraceReadings => ({
  text,
  nesting,
  indexes: [braceIndex(text, from, nesting)],
});

/** Which brackets nest: braces only (code bodies), or braces and square brackets alike (JSON). */
export type Nesting = '{}' | '{}[]';

const bracketOf = (text: string, t: CodeToken, nesting: Nesting) =>
  t.kind === 'punct' && t.end === t.start + 1 && nesting.includes(text[t.start]!) ? text[t.start]! : null;
const opens = (bracket: string) => bracket === '{' || bracket === '[';

/** The brace index of text[from, …) (`text` already cut where the reading stops). */
function braceIndex(text: string, from: number, nesting: Nesting = '{}'): BraceIndex {
  const tokens = [...codeTokens(text, from)];
  const n = tokens.length;
  const at = new Map<number, number>();
  const closer = new Map<number, number>();
  const up = new Int32Array(n + 1).fill(-1);
  const nextBrace = new Int32Array(n + 1).fill(n);
  const open: number[] = [];
  const enclosing = new Int32Array(n + 1).fill(-1);
  const stray: boolean[] = [];
  tokens.forEach((t, k) => {
    at.set(t.start, k);
    enclosing[k] = open.at(-1) ?? -1;
    const bracket = bracketOf(text, t, nesting);
    if (bracket === null) return;
    if (opens(bracket)) open.push(k);
    else if (open.length > 0) closer.set(open.pop()!, k);
    else stray[k] = true;
  });
  enclosing[n] = open.at(-1) ?? -1;
  let nextStray = -1;
  for (let k = n; k >= 0; k--) {
    if (k < n && bracketOf(text, tokens[k]!, nesting) !== null) nextBrace[k] = k;
    else nextBrace[k] = nextBrace[k + 1] ?? n;
    if (stray[k]) nextStray = k;
    const e = enclosing[k]!;
    // At the top level the next stray `}` closes; a body never closed never closes.
    up[k] = e < 0 ? nextStray : (closer.get(e) ?? -1);
  }
  return { text, nesting, tokens, at, closer, up, nextBrace };
}

/**
 * A balanced stretch of tokens: `lead`, tokens read on their own before they met a reading's, then that
 * reading's tokens [from, to) (none when from === to); `end` the offset after its last token.
 */
export type BalancedSpan = { lead: CodeToken[]; index: BraceIndex; from: number; to: number; end: number };

/** The tokens of a span, as one array. */
export const spanTokens = (span: BalancedSpan): CodeToken[] => [
  ...span.lead,
  ...span.index.tokens.slice(span.from, span.to),
];

/** The reading a token starting at `offset` belongs to, and its index there. */
function readingAt(readings: BraceReadings, offset: number): { index: BraceIndex; k: number } | null {
  for (const index of readings.indexes) {
    const k = index.at.get(offset);
    if (k !== undefined) return { index, k };
  }
  return null;
}

/**
 * The tokens from offset `start` through the `}` that brings the brace depth back to 0 after the first `{`
 * (counted from `start`, so a `}` first means none; in JSON, `[` and `]` count as `{` and `}`), or null. Read
 * as `codeTokens(text, start)` would: from the index when a token starts at `start`, else on their own until
 * they meet the index's tokens (at most MAX_UNSYNCED_TOKENS of them). No token is copied: see `spanTokens`.
 */
export function balancedSpan(readings: BraceReadings, start: number): BalancedSpan | null {
  const { text, nesting } = readings;
  const lead: CodeToken[] = [];
  let depth = 0;
  let sync = readingAt(readings, start);
  if (sync === null) {
    for (const t of codeTokens(text, start)) {
      sync = readingAt(readings, t.start);
      if (sync !== null) break;
      if (lead.length >= MAX_UNSYNCED_TOKENS) {
        if (readings.indexes.length >= MAX_READINGS) return null;
        readings.indexes.push(braceIndex(text, start, nesting));
        return balancedSpan(readings, start);
      }
      lead.push(t);
      const bracket = bracketOf(text, t, nesting);
      if (bracket === null) continue;
      depth += opens(bracket) ? 1 : -1;
      if (depth === 0) return { lead, index: readings.indexes[0]!, from: 0, to: 0, end: t.end };
      if (depth < 0) return null;
    }
    if (sync === null) return null;
  }
  const { index, k: synced } = sync;
  const { tokens } = index;
  let end: number;
  if (depth === 0) {
    const brace = index.nextBrace[synced]!;
    if (brace >= tokens.length || !opens(text[tokens[brace]!.start]!)) return null;
    const close = index.closer.get(brace);
    if (close === undefined) return null;
    end = close;
  } else {
    // Each `{` still open closes at the `}` that closes the body the reading is in, one level at a time.
    end = synced - 1;
    for (let d = depth; d > 0; d--) {
      end = index.up[end + 1]!;
      if (end < 0) return null;
    }
  }
  return { lead, index, from: synced, to: end + 1, end: tokens[end]!.end };
}
