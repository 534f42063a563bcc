import { adjacent, closerOf, isIdent, sentenceEndsIn, type CSource } from './c-source';
import { typeEnd } from './c-types';

/**
 * A top-level piece of C or Objective-C: a preprocessor line, an `@interface`/`@implementation` line, `@end`, a
 * property, a method, a function, a struct, a declaration or a statement, or a comment. Tokens [from, to).
 */
export type CUnit = {
  kind: 'comment' | 'directive' | 'container' | 'end' | 'member' | 'method' | 'definition' | 'statement';
  from: number;
  to: number;
  /** It defines a body in braces (a method, a function, a struct): code on its own. */
  body: boolean;
  /** Only Objective-C writes it. */
  objc: boolean;
  /** Tokens that stay on the line before them (a struct's `} name;`). */
  glued: number[];
};

const unit = (kind: CUnit['kind'], from: number, to: number, extra: Partial<CUnit> = {}): CUnit => ({
  kind,
  from,
  to,
  body: false,
  objc: false,
  glued: [],
  ...extra,
});

/** Words that are never a variable or function name. */
const KEYWORDS = new Set([
  'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'default', 'return', 'break', 'continue', 'goto',
  'typedef', 'struct', 'enum', 'union', 'sizeof', 'const', 'static', 'extern', 'void', 'int', 'char',
]); // prettier-ignore
/** Words that may stand right before another word inside an expression (`sizeof x`, `(struct sockaddr *)`). */
const PREFIX_WORDS = new Set([
  'sizeof',
  'struct',
  'enum',
  'union',
  'const',
  'unsigned',
  'signed',
  'long',
  'short',
]);
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=', '<<=', '>>=']);
const MAX_EXPRESSION = 120;
const MAX_DIRECTIVE_PATH = 30;
const MAX_PRAGMA_WORDS = 6;

/**
 * Where an expression from `k` ends: at the first `;` or `,` outside groups (its index), or -1 when it is not
 * one: too long, a sentence end, two words side by side (prose), or a stray closer.
 */
function expressionEnd(src: CSource, k: number): number {
  const { sym, tokens } = src;
  const start = k;
  while (k < tokens.length && k - start < MAX_EXPRESSION) {
    const s = sym[k]!;
    const t = tokens[k]!;
    if (t.kind === 'punct' && (s === ';' || s === ',')) return k > start ? k : -1;
    if (t.kind === 'punct' && (s === '(' || s === '[' || s === '{')) {
      const close = closerOf(src, k);
      if (close < 0 || sentenceEndsIn(src, k, close)) return -1;
      k = close + 1;
      continue;
    }
    if (t.kind === 'punct' && (s === ')' || s === ']' || s === '}')) return -1;
    if (t.kind === 'word' && tokens[k + 1]?.kind === 'word' && !PREFIX_WORDS.has(s)) return -1;
    k++;
  }
  return -1;
}

/** `#import <Foundation/Foundation.h>`, `#include "x.h"`, `#define NAME value`, `#ifdef X`, `#endif`. */
function directiveAt(src: CSource, i: number): CUnit | null {
  const { sym, tokens } = src;
  const d = sym[i]!;
  if (d === '#import' || d === '#include') {
    if (tokens[i + 1]?.kind === 'string') return unit('directive', i, i + 2, { objc: d === '#import' });
    if (sym[i + 1] !== '<') return null;
    for (let k = i + 2; k < Math.min(tokens.length, i + MAX_DIRECTIVE_PATH); k++) {
      if (!adjacent(src, k)) return null;
      if (sym[k] === '>') return k > i + 2 ? unit('directive', i, k + 1, { objc: d === '#import' }) : null;
      if (
        tokens[k]!.kind !== 'word' &&
        tokens[k]!.kind !== 'number' &&
        !['/', '.', '-', '+'].includes(sym[k]!)
      )
        return null;
    }
    return null;
  }
  if (d === '#define' && /^[A-Z_][A-Z0-9_]*$/.test(sym[i + 1] ?? '')) {
    let k = i + 2;
    if (sym[k] === '(' && adjacent(src, k)) k = closerOf(src, k) + 1;
    if (k === 0) return null;
    const value = sym[k] ?? '';
    if (value === '(') k = closerOf(src, k) + 1 || k;
    else if (value === '@' && tokens[k + 1]?.kind === 'string') k += 2;
    else if (tokens[k]?.kind === 'number' || tokens[k]?.kind === 'string' || /^[A-Z_][A-Z0-9_]*$/.test(value))
      k++;
    return unit('directive', i, k);
  }
  if ((d === '#ifdef' || d === '#ifndef' || d === '#undef' || d === '#if') && isIdent(src, i + 1))
    return unit('directive', i, i + 2);
  if (d === '#if' && tokens[i + 1]?.kind === 'number') return unit('directive', i, i + 2);
  if (d === '#endif' || d === '#else') return unit('directive', i, i + 1);
  if (d === '#pragma' && isIdent(src, i + 1)) {
    // `#pragma once`, `#pragma mark - Lifecycle`, `#pragma clang diagnostic ignored "-Wdeprecated"`: a few words.
    let k = i + 2;
    if (sym[i + 1] === 'mark' && sym[k] === '-') k++;
    while (isIdent(src, k) && k - i < MAX_PRAGMA_WORDS) k++;
    if (src.tokens[k]?.kind === 'string') k++;
    return unit('directive', i, k);
  }
  return null;
}

/** The index after tokens up to and including the next `;` (no braces, no sentence end, at most `max`), or -1. */
function throughSemicolon(src: CSource, k: number, max: number): number {
  for (let j = k; j < Math.min(src.tokens.length, k + max); j++) {
    const s = src.sym[j]!;
    if (s === '{' || s === '}') return -1;
    if (s === ';') return sentenceEndsIn(src, k, j) ? -1 : j + 1;
  }
  return -1;
}

/** `@interface Name : Super <P>`, `@implementation Name`, `@protocol P`, `@end`, `@property …;`, `@class A;`. */
function objcAt(src: CSource, i: number): CUnit | null {
  const { sym } = src;
  const d = sym[i]!;
  const objc = { objc: true };
  if (d === '@end' || d === '@optional' || d === '@required')
    return unit(d === '@end' ? 'end' : 'member', i, i + 1, objc);
  if (d === '@property' || d === '@synthesize' || d === '@dynamic' || d === '@class' || d === '@import') {
    const to = throughSemicolon(src, i + 1, 40);
    return to > i + 2 ? unit('member', i, to, objc) : null;
  }
  if (d === '@autoreleasepool' && sym[i + 1] === '{') {
    const close = closerOf(src, i + 1);
    return close > 0 ? unit('statement', i, close + 1, objc) : null;
  }
  if ((d !== '@interface' && d !== '@implementation' && d !== '@protocol') || !isIdent(src, i + 1))
    return null;
  let k = i + 2;
  if (sym[k] === ':' && isIdent(src, k + 1)) k += 2;
  if (sym[k] === '(' && (sym[k + 1] === ')' || (isIdent(src, k + 1) && sym[k + 2] === ')')))
    k += sym[k + 1] === ')' ? 2 : 3;
  if (sym[k] === '<') {
    const close = sym.indexOf('>', k);
    if (close < 0 || close - k > 20) return null;
    for (let j = k + 1; j < close; j++) if (!isIdent(src, j) && sym[j] !== ',') return null;
    k = close + 1;
  }
  if (d === '@protocol' && sym[k] === ';') return unit('member', i, k + 1, objc);
  if (sym[k] === '{') {
    // Instance variables.
    const close = closerOf(src, k);
    if (close < 0) return null;
    k = close + 1;
  }
  return unit('container', i, k, objc);
}

/** A method: `- (void)name:(NSString *)arg other:(int)x` and `;` (a declaration) or a `{…}` body. */
function methodAt(src: CSource, i: number): CUnit | null {
  const { sym, tokens } = src;
  if ((sym[i] !== '-' && sym[i] !== '+') || sym[i + 1] !== '(') return null;
  const typeClose = closerOf(src, i + 1);
  const typeStop = typeEnd(src, i + 2);
  if (typeClose < 0 || typeStop < 0 || typeStop > typeClose || typeClose - i > 24) return null;
  if (!isIdent(src, typeClose + 1)) return null;
  let k = typeClose + 2;
  while (sym[k] === ':') {
    if (sym[k + 1] !== '(') return null;
    const close = closerOf(src, k + 1);
    if (close < 0 || typeEnd(src, k + 2) < 0 || close - k > 24 || !isIdent(src, close + 1)) return null;
    k = close + 2;
    if (isIdent(src, k) && sym[k + 1] === ':') k++;
  }
  if (sym[k] === ';') return unit('method', i, k + 1, { objc: true });
  if (sym[k] !== '{' || tokens[k]!.kind !== 'punct') return null;
  const close = closerOf(src, k);
  return close < 0 ? null : unit('method', i, close + 1, { objc: true, body: true });
}

/** `struct name { … } declarators;`, `typedef enum { … } Name;`, `typedef NS_ENUM(NSInteger, Name) { … };`. */
function structAt(src: CSource, i: number): CUnit | null {
  const { sym } = src;
  let k = sym[i] === 'typedef' ? i + 1 : i;
  if (sym[k] === 'struct' || sym[k] === 'union' || sym[k] === 'enum') {
    k++;
    if (isIdent(src, k)) k++;
  } else if (/^NS_(?:ENUM|OPTIONS|CLOSED_ENUM|ERROR_ENUM)$/.test(sym[k] ?? '') && sym[k + 1] === '(') {
    k = closerOf(src, k + 1) + 1;
    if (k === 0) return null;
  } else return null;
  if (sym[k] !== '{') return null;
  const close = closerOf(src, k);
  if (close < 0) return null;
  let j = close + 1;
  while (isIdent(src, j) || sym[j] === '*' || sym[j] === ',') j++;
  if (sym[j] !== ';') return null;
  const glued = Array.from({ length: j - close }, (_, n) => close + 1 + n);
  return unit('definition', i, j + 1, { body: true, glued });
}

/** A declaration, prototype or function from token `i`: `int y = 1;`, `struct sockaddr_in addr;`, `int main(…) {…}`. */
function declarationAt(src: CSource, i: number): CUnit | null {
  const { sym } = src;
  const typedef = sym[i] === 'typedef';
  const typeStop = typeEnd(src, typedef ? i + 1 : i);
  if (typeStop < 0 || !isIdent(src, typeStop) || KEYWORDS.has(sym[typeStop]!)) return null;
  let k = typeStop + 1;
  if (sym[k] === '(' && !typedef) {
    const close = closerOf(src, k);
    if (close < 0 || close - k > 60 || sentenceEndsIn(src, k, close)) return null;
    for (let j = k; j < close; j++) if (sym[j] === ';' || sym[j] === '{') return null;
    if (sym[close + 1] === ';') return unit('statement', i, close + 2);
    if (sym[close + 1] !== '{') return null;
    const end = closerOf(src, close + 1);
    return end < 0 ? null : unit('definition', i, end + 1, { body: true });
  }
  for (;;) {
    while (sym[k] === '[') {
      const close = closerOf(src, k);
      if (close < 0 || close - k > 8) return null;
      k = close + 1;
    }
    if (sym[k] === '=') {
      k = expressionEnd(src, k + 1);
      if (k < 0) return null;
    }
    if (sym[k] === ';') return unit('statement', i, k + 1);
    if (sym[k] !== ',') return null;
    k++;
    while (sym[k] === '*') k++;
    if (!isIdent(src, k)) return null;
    k++;
  }
}

/** `if (…) {…} else {…}`, `for (…;…;…) {…}`, `while (…) {…}`, `switch (…) {…}`, `do {…} while (…);`. */
function controlAt(src: CSource, i: number): CUnit | null {
  const { sym } = src;
  const word = sym[i];
  if (word === 'do' && sym[i + 1] === '{') {
    const close = closerOf(src, i + 1);
    if (close < 0 || sym[close + 1] !== 'while' || sym[close + 2] !== '(') return null;
    const cond = closerOf(src, close + 2);
    if (cond < 0 || sym[cond + 1] !== ';') return null;
    return unit('statement', i, cond + 2, { glued: [close + 1] });
  }
  if (word !== 'if' && word !== 'for' && word !== 'while' && word !== 'switch') return null;
  let end = guardedBodyEnd(src, i);
  if (end <= 0) return null;
  // `else if (…) {…}` chains, read in a loop (a long chain never deepens the stack).
  while (word === 'if' && sym[end] === 'else') {
    const elseIf = sym[end + 1] === 'if';
    const next = elseIf
      ? guardedBodyEnd(src, end + 1)
      : sym[end + 1] === '{'
        ? closerOf(src, end + 1) + 1
        : (statementAt(src, end + 1)?.to ?? 0);
    if (next <= 0) break;
    end = next;
    if (!elseIf) break;
  }
  return unit('statement', i, end);
}

/** The end of `if|for|while|switch (…)` at `i` and its body (`{…}`, or one statement but for `switch`); 0. */
function guardedBodyEnd(src: CSource, i: number): number {
  const { sym } = src;
  if (sym[i + 1] !== '(') return 0;
  const cond = closerOf(src, i + 1);
  if (cond < 0 || sentenceEndsIn(src, i + 1, cond)) return 0;
  if (sym[cond + 1] === '{') return closerOf(src, cond + 1) + 1;
  return sym[i] === 'switch' ? 0 : (statementAt(src, cond + 1)?.to ?? 0);
}

/** How deep a message send's receiver may nest (`[[[NSFoo alloc] init] autorelease]`). */
const MAX_RECEIVER_DEPTH = 8;

/** A message send `[receiver selector:arg]` at `i`: the index of its `]`, or -1. */
function messageEnd(src: CSource, i: number, depth = 0): number {
  const { sym } = src;
  const close = closerOf(src, i);
  if (close < 0 || depth > MAX_RECEIVER_DEPTH) return -1;
  let k = i + 1;
  if (sym[k] === '[') k = messageEnd(src, k, depth + 1) + 1;
  else if (isIdent(src, k)) k++;
  else return -1;
  if (k <= 0 || !isIdent(src, k) || !/^[a-z_]/.test(sym[k]!)) return -1;
  return sym[k + 1] === ']' || sym[k + 1] === ':' ? close : -1;
}

/** A statement: `return x;`, `[obj message:arg];`, `setsockopt(fd, …);`, `addr.sin_port = htons(53);`, `i++;`. */
function statementAt(src: CSource, i: number): CUnit | null {
  const { sym, tokens } = src;
  const s = sym[i] ?? '';
  if (s === 'break' || s === 'continue') return sym[i + 1] === ';' ? unit('statement', i, i + 2) : null;
  if (s === 'return') {
    if (sym[i + 1] === ';') return unit('statement', i, i + 2);
    const end = expressionEnd(src, i + 1);
    return end > 0 && sym[end] === ';' ? unit('statement', i, end + 1) : null;
  }
  if (s === '[') {
    const close = messageEnd(src, i);
    return close > 0 && sym[close + 1] === ';' ? unit('statement', i, close + 2, { objc: true }) : null;
  }
  if (!isIdent(src, i) || KEYWORDS.has(s)) return null;
  // An lvalue or a call: `a.b->c[0]`, `f(x)`.
  let k = i + 1;
  let call = false;
  for (;;) {
    if (
      (sym[k] === '.' || sym[k] === '->') &&
      adjacent(src, k) &&
      isIdent(src, k + 1) &&
      adjacent(src, k + 1)
    ) {
      k += 2;
      call = false;
    } else if ((sym[k] === '(' || sym[k] === '[') && adjacent(src, k)) {
      const close = closerOf(src, k);
      if (close < 0 || sentenceEndsIn(src, k, close)) return null;
      call = sym[k] === '(';
      k = close + 1;
    } else break;
  }
  if (call && sym[k] === ';') return unit('statement', i, k + 1);
  if ((sym[k] === '++' || sym[k] === '--') && sym[k + 1] === ';') return unit('statement', i, k + 2);
  if (!ASSIGN.has(sym[k] ?? '') || tokens[k]!.kind !== 'punct') return null;
  const end = expressionEnd(src, k + 1);
  return end > 0 && sym[end] === ';' ? unit('statement', i, end + 1) : null;
}

/** The unit starting at token `i`, or null. */
export function cUnitAt(src: CSource, i: number): CUnit | null {
  const t = src.tokens[i];
  if (!t) return null;
  if (t.kind === 'comment') return unit('comment', i, i + 1);
  const s = src.sym[i]!;
  if (s.startsWith('#')) return directiveAt(src, i);
  if (s.startsWith('@')) return objcAt(src, i);
  return (
    methodAt(src, i) ?? structAt(src, i) ?? declarationAt(src, i) ?? controlAt(src, i) ?? statementAt(src, i)
  );
}
