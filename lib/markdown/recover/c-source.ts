import { decodeHTML } from 'entities';
import type { CodeToken } from './code-tokens';

/**
 * Tokens of a stretch of a body read as C or Objective-C: each token's symbol, entities decoded (`&lt;` is `<`),
 * each opener's matching closer, and how many sentence ends come before each token (so no look-up rescans).
 */
export type CSource = {
  text: string;
  tokens: readonly CodeToken[];
  sym: readonly string[];
  /** For `(`, `[` and `{`: the index of its closer, every group inside balanced; -1 when there is none. */
  closer: ReadonlyMap<number, number>;
  /** For a closer with an opener: the opener's index. */
  opener: ReadonlyMap<number, number>;
  /** sentenceEnds[k]: the sentence ends among tokens [0, k). */
  sentenceEnds: readonly number[];
};

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

/** Each opener's closer, in one pass: a closer that does not match the innermost open group fails every open one. */
function matchClosers(tokens: readonly CodeToken[], sym: readonly string[]) {
  const closer = new Map<number, number>();
  const opener = new Map<number, number>();
  const open: number[] = [];
  tokens.forEach((t, k) => {
    if (t.kind !== 'punct') return;
    const s = sym[k]!;
    if (OPENERS[s]) open.push(k);
    else if (CLOSERS.has(s)) {
      const top = open.pop();
      if (top !== undefined && OPENERS[sym[top]!] === s) {
        closer.set(top, k);
        opener.set(k, top);
      } else {
        if (top !== undefined) closer.set(top, -1);
        for (const o of open.splice(0)) closer.set(o, -1);
      }
    }
  });
  for (const o of open) closer.set(o, -1);
  return { closer, opener };
}

/** The symbols of tokens: punctuation with its entity decoded, everything else as written. */
export function cSource(text: string, read: readonly CodeToken[]): CSource {
  const tokens: CodeToken[] = [];
  const sym: string[] = [];
  for (const t of read) {
    const raw = text.slice(t.start, t.end);
    const s = t.kind === 'punct' && raw.startsWith('&') ? decodeHTML(raw) : raw;
    // `-&gt;` (the labelled layout's `->`) is read as `-` and an entity: one operator again.
    const last = tokens.at(-1);
    if (s === '>' && sym.at(-1) === '-' && last?.end === t.start) {
      tokens[tokens.length - 1] = { ...last, end: t.end };
      sym[sym.length - 1] = '->';
      continue;
    }
    tokens.push(t);
    sym.push(s);
  }
  const sentenceEnds = [0];
  tokens.forEach((t, k) => {
    const s = sym[k]!;
    const next = tokens[k + 1];
    const ends =
      t.kind === 'punct' &&
      (s === '.' || s === '!' || s === '?') &&
      k > 0 &&
      tokens[k - 1]!.end === t.start &&
      next !== undefined &&
      next.start > t.end &&
      /^[A-Z][a-z]/.test(sym[k + 1]!);
    sentenceEnds.push(sentenceEnds[k]! + (ends ? 1 : 0));
  });
  return { text, tokens, sym, ...matchClosers(tokens, sym), sentenceEnds };
}

/** The index of the closer matching the opener at `i` (`(`, `[` or `{`), with every group inside balanced; -1. */
export const closerOf = (src: CSource, i: number): number => src.closer.get(i) ?? -1;

/** Whether token `i` is a plain identifier (not `@end`, `#import`, a number or punctuation). */
export const isIdent = (src: CSource, i: number) =>
  src.tokens[i]?.kind === 'word' && /^[A-Za-z_]\w*$/.test(src.sym[i]!);

/** Whether token `i` follows token `i - 1` with no space between (`foo(`, `@"`). */
export const adjacent = (src: CSource, i: number) =>
  i > 0 && src.tokens[i] !== undefined && src.tokens[i]!.start === src.tokens[i - 1]!.end;

/**
 * Whether a sentence ends inside tokens [from, to): a `.`, `!` or `?` written right after a word, then a space
 * and a capitalised word (`fails. Then`), as prose has and code does not (`self.Foo`, `x ? Foo : Bar`).
 */
export function sentenceEndsIn(src: CSource, from: number, to: number): boolean {
  // A sentence end at k needs the word at k + 1 inside the span too.
  const last = Math.min(to - 1, src.tokens.length);
  return last > from && src.sentenceEnds[last]! > src.sentenceEnds[from]!;
}

/**
 * The closer of a code body `{…}` at `open`, or -1: a body of statements is empty or ends with a `;` or a `}`
 * (comments aside), so braces around prose (`{ please help }`) are no body.
 */
export function bodyCloserOf(src: CSource, open: number): number {
  const close = closerOf(src, open);
  if (close < 0) return -1;
  let last = close - 1;
  while (last > open && src.tokens[last]!.kind === 'comment') last--;
  return last === open || src.sym[last] === ';' || src.sym[last] === '}' ? close : -1;
}
