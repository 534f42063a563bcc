import { braceLines } from './brace-layout';
import { adjacent, closerOf, cSource, isIdent, type CSource } from './c-source';
import { cUnitAt } from './c-code-units';
import type { CUnit } from './c-unit';
import { codeTokens } from './code-tokens';
import type { CodeRun, RunSearch } from './segment';

/**
 * What every run holds: each unit has a `}`, an `@` or `#` line, or a `;` (not the end of an entity such as
 * `&lt;`). A stretch without any is prose, and is not read token by token.
 */
const C_FAMILY_MARK = /[}@#]|(?<!&(?:lt|gt|amp|quot|apos|#\d{1,5}));/;

/**
 * How many times a search reads the rest of the text again, when a run of another kind ended inside one of its
 * tokens; past that, it goes on from its next token (so no text costs more than this many reads of itself).
 */
const MAX_REREADS = 4;

/** The token that starts before `at` and ends after it, or -1. */
function tokenAround(src: CSource, at: number): number {
  let lo = 0;
  let hi = src.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (src.tokens[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < src.tokens.length && src.tokens[lo]!.start < at ? lo : -1;
}

/** Identifiers only Objective-C code uses: Foundation calls and classes (`NSLog`, `NSString`). */
const FOUNDATION_NAME = /^NS[A-Z]\w*$/;

/**
 * The units that follow each other from token `i`, each starting where the one before ends. A `//` comment
 * after the last one is left out: with no line end, where it stops and prose resumes is a guess.
 */
function unitsFrom(src: CSource, i: number): CUnit[] {
  const units: CUnit[] = [];
  for (let u = cUnitAt(src, i); u; u = cUnitAt(src, u.to)) units.push(u);
  while (units.length > 0 && isLineComment(src, units.at(-1)!)) units.pop();
  return units;
}

const isLineComment = (src: CSource, u: CUnit) =>
  u.kind === 'comment' && src.text.startsWith('//', src.tokens[u.from]!.start);

/**
 * Whether units read as code, not prose: one of them defines a body (a method, a function, a struct), or an
 * `@interface`/`@implementation` is closed by its `@end`, or two or more statements follow each other. One
 * statement or declaration inside a sentence (`we call the - (void) apply:… ; interface`) stays prose.
 */
function readsAsCode(units: readonly CUnit[]): boolean {
  const code = units.filter((u) => u.kind !== 'comment');
  if (code.some((u) => u.body)) return true;
  if (code.some((u) => u.kind === 'container') && code.some((u) => u.kind === 'end')) return true;
  return code.length >= 2;
}

/** A comment can open a run only when it is one in code: `//` after a space (not the `//` of `https://`) or `/*`. */
const opensRun = (src: CSource, u: CUnit) => {
  if (u.kind !== 'comment') return true;
  const t = src.tokens[u.from]!;
  return src.text.startsWith('/*', t.start) || t.start === 0 || /\s/.test(src.text[t.start - 1]!);
};

/**
 * The starts of the tokens of braces that hold values, not statements: an initializer (`= {0}`) and an
 * Objective-C dictionary (`@{@"k": v}`); a block (`^{ … }`) and a body keep their lines.
 */
function flatBraces(src: CSource, from: number, to: number): Set<number> {
  const flat = new Set<number>();
  for (let k = from; k < to; k++) {
    if (src.sym[k] !== '{' || flat.has(src.tokens[k]!.start)) continue;
    const before = src.sym[k - 1];
    if (before !== '=' && !(before === '@' && adjacent(src, k))) continue;
    const close = closerOf(src, k);
    for (let j = k; j <= close && j < to; j++) flat.add(src.tokens[j]!.start);
  }
  return flat;
}

/**
 * Whether a run is Objective-C: an Objective-C unit, an `@"…"`/`@[…]`/`@{…}` literal, a Foundation name, or a
 * message send anywhere in it (`[self update]`, `[[Foo alloc] init]`: C indexes with one expression, `a[i]`).
 */
function isObjectiveC(src: CSource, units: readonly CUnit[], from: number, to: number): boolean {
  if (units.some((u) => u.objc)) return true;
  for (let k = from; k < to; k++) {
    const s = src.sym[k]!;
    if (s === '@' && adjacent(src, k + 1)) return true;
    if (src.tokens[k]!.kind === 'word' && FOUNDATION_NAME.test(s)) return true;
    if (s === '[' && (src.sym[k + 1] === '[' || (isIdent(src, k + 1) && isIdent(src, k + 2)))) return true;
  }
  return false;
}

/** Tokens [from, to) as lines: each unit on a line of its own, and a line after `{`, `}` and `;`. */
function unitLines(src: CSource, from: number, to: number, units: readonly CUnit[]): string[] {
  return braceLines(src.text, src.tokens.slice(from, to), {
    statements: false,
    lineStarts: new Set(units.map((u) => src.tokens[u.from]!.start)),
    glued: new Set(units.flatMap((u) => u.glued.map((k) => src.tokens[k]!.start))),
    flat: flatBraces(src, from, to),
  });
}

/**
 * The lines of a fence's Objective-C or C content text[from, to): the units found where a line may start (the
 * first token, or after `;`, `{`, `}`, a comment or another unit) each start one; the rest as `braceLines` has it.
 */
export function cFamilyLines(text: string, from: number, to: number): string[] {
  const src = cSource(text, [...codeTokens(text, from, to)]);
  const units: CUnit[] = [];
  let unitEnd = 0;
  for (let i = 0; i < src.tokens.length; i++) {
    const before = src.tokens[i - 1];
    const lineMayStart =
      i === 0 || i === unitEnd || before?.kind === 'comment' || ['{', '}', ';'].includes(src.sym[i - 1]!);
    const u = lineMayStart ? cUnitAt(src, i) : null;
    if (!u) continue;
    units.push(u);
    unitEnd = u.to;
    i = u.to - 1;
  }
  return unitLines(src, 0, src.tokens.length, units);
}

/**
 * The Objective-C and C runs of text[from, to): units that read as code, laid out a statement a line. The text
 * is read as tokens once; each search goes on from the first token at or after `at`.
 */
export function cFamilyRuns(text: string, from: number, to = text.length): RunSearch {
  if (!C_FAMILY_MARK.test(text.slice(from, to))) return () => null;
  let src: CSource | null = null;
  let i = 0;
  let readings = 0;
  return (at) => {
    src ??= cSource(text, [...codeTokens(text, from, to)]);
    const inside = tokenAround(src, at);
    if (inside >= 0 && readings < MAX_REREADS) {
      // A run of another kind ended inside a token (a string that ran on): read the rest again from there.
      readings++;
      src = cSource(text, [...codeTokens(text, at, to)]);
      i = 0;
    }
    while (i < src.tokens.length && src.tokens[i]!.start < at) i++;
    while (i < src.tokens.length) {
      const units = unitsFrom(src, i);
      const first = units[0];
      if (!first || !opensRun(src, first)) {
        i++;
        continue;
      }
      if (!readsAsCode(units)) {
        i = Math.max(i + 1, units.at(-1)!.to);
        continue;
      }
      const last = units.at(-1)!.to;
      return {
        start: src.tokens[i]!.start,
        end: src.tokens[last - 1]!.end,
        lang: isObjectiveC(src, units, i, last) ? 'objectivec' : 'c',
        lines: unitLines(src, i, last, units),
        removed: [],
      };
    }
    return null;
  };
}

/** The first Objective-C or C run in text[from, to) (see cFamilyRuns). */
export const findCFamilyRun = (text: string, from: number, to = text.length): CodeRun | null =>
  cFamilyRuns(text, from, to)(from);
