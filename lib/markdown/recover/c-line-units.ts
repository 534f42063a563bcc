import { adjacent, bodyCloserOf, closerOf, isIdent, sentenceEndsIn, type CSource } from './c-source';
import { unit, type CUnit } from './c-unit';

const MAX_DIRECTIVE_PATH = 30;
const MAX_PRAGMA_WORDS = 6;
const MAX_PROTOCOLS = 10;

/** `#import <Foundation/Foundation.h>`, `#include "x.h"`, `#define NAME value`, `#ifdef X`, `#endif`. */
export function directiveAt(src: CSource, i: number): CUnit | null {
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
export function objcAt(src: CSource, i: number): CUnit | null {
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
    const close = bodyCloserOf(src, i + 1);
    return close > 0 ? unit('statement', i, close + 1, objc) : null;
  }
  if ((d !== '@interface' && d !== '@implementation' && d !== '@protocol') || !isIdent(src, i + 1))
    return null;
  let k = i + 2;
  if (sym[k] === ':' && isIdent(src, k + 1)) k += 2;
  if (sym[k] === '(' && (sym[k + 1] === ')' || (isIdent(src, k + 1) && sym[k + 2] === ')')))
    k += sym[k + 1] === ')' ? 2 : 3;
  if (sym[k] === '<') {
    // Protocols: `<NSObject, NEAppPushDelegate>`.
    let j = k + 1;
    while (j - k <= MAX_PROTOCOLS * 2 && (isIdent(src, j) || sym[j] === ',')) j++;
    if (sym[j] !== '>') return null;
    k = j + 1;
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
