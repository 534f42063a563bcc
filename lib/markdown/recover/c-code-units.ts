import { adjacent, bodyCloserOf, closerOf, isIdent, sentenceEndsIn, type CSource } from './c-source';
import { typeEnd } from './c-types';
import { unit, type CUnit } from './c-unit';
import { directiveAt, objcAt } from './c-line-units';

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
/** The most tokens a method's return or parameter type may hold (`(void (^)(NSError * _Nullable error))`). */
const MAX_TYPE_TOKENS = 40;

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

/**
 * Whether the `(…)` at `open` is a method's type: a type (`(void)`, `(NSString *)`, `(void (^)(NSError *))`), or
 * `loose`, one capitalised name (`(MyState)`), which only a method with a body may have (so `- (Optional)
 * Restart;` in a bullet list is no declaration).
 */
function methodType(src: CSource, open: number): 'type' | 'loose' | null {
  const close = closerOf(src, open);
  if (close < 0 || close - open > MAX_TYPE_TOKENS) return null;
  const stop = typeEnd(src, open + 1);
  if (stop >= 0 && stop <= close) return 'type';
  return close === open + 2 && /^[A-Z]\w*$/.test(src.sym[open + 1]!) ? 'loose' : null;
}

/** A method: `- (void)name:(NSString *)arg other:(int)x` and `;` (a declaration) or a `{…}` body. */
function methodAt(src: CSource, i: number): CUnit | null {
  const { sym, tokens } = src;
  if ((sym[i] !== '-' && sym[i] !== '+') || sym[i + 1] !== '(') return null;
  let loose = false;
  const returns = methodType(src, i + 1);
  if (!returns) return null;
  loose ||= returns === 'loose';
  let k = closerOf(src, i + 1) + 1;
  if (!isIdent(src, k)) return null;
  k++;
  while (sym[k] === ':') {
    const param = sym[k + 1] === '(' ? methodType(src, k + 1) : null;
    if (!param) return null;
    loose ||= param === 'loose';
    const close = closerOf(src, k + 1);
    if (!isIdent(src, close + 1)) return null;
    k = close + 2;
    if (isIdent(src, k) && sym[k + 1] === ':') k++;
  }
  if (sym[k] === ';') return loose ? null : unit('method', i, k + 1, { objc: true });
  if (sym[k] !== '{' || tokens[k]!.kind !== 'punct') return null;
  const close = bodyCloserOf(src, k);
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
    const end = bodyCloserOf(src, close + 1);
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
    const close = bodyCloserOf(src, i + 1);
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
        ? bodyCloserOf(src, end + 1) + 1
        : (statementAt(src, end + 1)?.to ?? 0);
    if (next <= 0) break;
    end = next;
    if (!elseIf) break;
  }
  return unit('statement', i, end);
}

/**
 * Whether the condition in (open, close) reads as code: no two words side by side outside inner groups (`(you
 * can)` is prose), but for a type and its name (`int i = 0`), `sizeof x`, and `for (NSString *s in list)`.
 */
function readsAsCondition(src: CSource, open: number, close: number): boolean {
  const { sym, tokens } = src;
  for (let k = open + 1; k < close; k++) {
    if (sym[k] === '(' || sym[k] === '[' || sym[k] === '{') {
      k = closerOf(src, k);
      if (k < 0) return false;
      continue;
    }
    if (tokens[k]!.kind !== 'word' || tokens[k + 1]?.kind !== 'word') continue;
    if (PREFIX_WORDS.has(sym[k]!) || sym[k] === 'in' || sym[k + 1] === 'in' || typeEnd(src, k) > k) continue;
    return false;
  }
  return true;
}

/** The end of `if|for|while|switch (…)` at `i` and its body (`{…}`, or one statement but for `switch`); 0. */
function guardedBodyEnd(src: CSource, i: number): number {
  const { sym } = src;
  if (sym[i + 1] !== '(') return 0;
  const cond = closerOf(src, i + 1);
  if (cond < 0 || sentenceEndsIn(src, i + 1, cond) || !readsAsCondition(src, i + 1, cond)) return 0;
  if (sym[cond + 1] === '{') return bodyCloserOf(src, cond + 1) + 1;
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

/**
 * Whether tokens [from, to) pass a block with statements (`^{ [self update]; }`, `^(NSError *e) { … }`), as a
 * completion handler or a `dispatch_async` does: such a statement is code on its own.
 */
function passesBlock(src: CSource, from: number, to: number): boolean {
  const { sym } = src;
  for (let k = from + 1; k < to; k++) {
    if (sym[k] !== '{') continue;
    const caret = sym[k - 1] === ')' ? (src.opener.get(k - 1) ?? 0) - 1 : k - 1;
    const close = bodyCloserOf(src, k);
    if (sym[caret] === '^' && close > k + 1 && sym.slice(k, close).includes(';')) return true;
  }
  return false;
}

/** The unit starting at token `i`, or null. */
export function cUnitAt(src: CSource, i: number): CUnit | null {
  const t = src.tokens[i];
  if (!t) return null;
  if (t.kind === 'comment') return unit('comment', i, i + 1);
  const s = src.sym[i]!;
  if (s.startsWith('#')) return directiveAt(src, i);
  if (s.startsWith('@')) return objcAt(src, i);
  const u = methodAt(src, i) ?? structAt(src, i) ?? declarationAt(src, i) ?? statementAt(src, i);
  if (u) return u.kind === 'statement' && passesBlock(src, u.from, u.to) ? { ...u, body: true } : u;
  return controlAt(src, i);
}
