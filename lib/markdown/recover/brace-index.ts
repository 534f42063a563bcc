import { codeTokens, type CodeToken } from './code-tokens';

/**
 * The tokens of text[from, to) read once, with their braces matched (a brace in a string or a comment is part of
 * that token): a balanced body from any token is a few look-ups, not a new read of the rest of the text.
 */
export type BraceIndex = {
  text: string;
  tokens: CodeToken[];
  /** at.get(offset): the token that starts at that offset. */
  at: Map<number, number>;
  /** closer.get(k): the `}` matching the `{` at token k (none when it is never closed). */
  closer: Map<number, number>;
  /** up[k]: the `}` that closes the body token k is in (the first `}` past k with no `{` of its own), or -1. */
  up: Int32Array;
  /** nextBrace[k]: the first `{` or `}` among tokens [k, …), or the number of tokens. */
  nextBrace: Int32Array;
};

/**
 * How many tokens a body read from inside another token (a declaration inside a string or a `//` comment as
 * the text reads) may take before they start where the text's own tokens start. Past it, no body: a run of
 * quotes that keeps the two readings apart costs no more than this per declaration.
 */
export const MAX_UNSYNCED_TOKENS = 64;

const isBrace = (text: string, t: CodeToken) =>
  t.kind === 'punct' && t.end === t.start + 1 && (text[t.start] === '{' || text[t.start] === '}');

/** The brace index of text[from, to) (`text` already cut at `to`). */
export function braceIndex(text: string, from: number): BraceIndex {
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
    if (!isBrace(text, t)) return;
    if (text[t.start] === '{') open.push(k);
    else if (open.length > 0) closer.set(open.pop()!, k);
    else stray[k] = true;
  });
  enclosing[n] = open.at(-1) ?? -1;
  let nextStray = -1;
  for (let k = n; k >= 0; k--) {
    if (k < n && isBrace(text, tokens[k]!)) nextBrace[k] = k;
    else nextBrace[k] = nextBrace[k + 1] ?? n;
    if (stray[k]) nextStray = k;
    const e = enclosing[k]!;
    // At the top level the next stray `}` closes; a body never closed never closes.
    up[k] = e < 0 ? nextStray : (closer.get(e) ?? -1);
  }
  return { text, tokens, at, closer, up, nextBrace };
}

/**
 * The tokens from offset `start` through the `}` that brings the brace depth back to 0 after the first `{`
 * (counted from `start`, so a `}` first means none), or null. Read as `codeTokens(text, start)` would: from the
 * index when a token starts at `start`, else on their own until they meet the index's tokens (at most
 * MAX_UNSYNCED_TOKENS of them).
 */
export function balancedFrom(index: BraceIndex, start: number): CodeToken[] | null {
  const { text, tokens } = index;
  const lead: CodeToken[] = [];
  let depth = 0;
  let synced = index.at.get(start);
  if (synced === undefined) {
    for (const t of codeTokens(text, start)) {
      synced = index.at.get(t.start);
      if (synced !== undefined) break;
      if (lead.length >= MAX_UNSYNCED_TOKENS) return null;
      lead.push(t);
      if (!isBrace(text, t)) continue;
      depth += text[t.start] === '{' ? 1 : -1;
      if (depth === 0) return lead;
      if (depth < 0) return null;
    }
    if (synced === undefined) return null;
  }
  let end: number;
  if (depth === 0) {
    const brace = index.nextBrace[synced]!;
    if (brace >= tokens.length || text[tokens[brace]!.start] !== '{') return null;
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
  return [...lead, ...tokens.slice(synced, end + 1)];
}
