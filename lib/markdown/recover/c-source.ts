import { decodeHTML } from 'entities';
import type { CodeToken } from './code-tokens';

/** Tokens of a stretch of a body read as C or Objective-C: each token's symbol, entities decoded (`&lt;` is `<`). */
export type CSource = { text: string; tokens: readonly CodeToken[]; sym: readonly string[] };

/** The symbols of tokens: punctuation with its entity decoded, everything else as written. */
export function cSource(text: string, tokens: readonly CodeToken[]): CSource {
  const sym = tokens.map((t) => {
    const s = text.slice(t.start, t.end);
    return t.kind === 'punct' && s.startsWith('&') ? decodeHTML(s) : s;
  });
  return { text, tokens, sym };
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

/** The index of the closer matching the opener at `i` (`(`, `[` or `{`), with every group inside balanced; -1. */
export function closerOf(src: CSource, i: number): number {
  const expected: string[] = [];
  for (let k = i; k < src.tokens.length; k++) {
    const s = src.sym[k]!;
    if (src.tokens[k]!.kind !== 'punct') continue;
    const closer = OPENERS[s];
    if (closer) expected.push(closer);
    else if (CLOSERS.has(s)) {
      if (expected.pop() !== s) return -1;
      if (expected.length === 0) return k;
    }
  }
  return -1;
}

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
  for (let k = from; k + 1 < to; k++) {
    const s = src.sym[k]!;
    if (src.tokens[k]!.kind !== 'punct' || (s !== '.' && s !== '!' && s !== '?')) continue;
    if (adjacent(src, k) && !adjacent(src, k + 1) && /^[A-Z][a-z]/.test(src.sym[k + 1]!)) return true;
  }
  return false;
}
