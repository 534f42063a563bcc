import { braceLines } from './brace-layout';
import { balancedSpan, braceReadings, spanTokens, type BraceReadings } from './brace-readings';
import type { CodeToken } from './code-tokens';
import type { CodeRun, RunSearch } from './segment';

/**
 * A Swift declaration that opens a body: modifiers, then `enum|class|struct|protocol|extension|actor|func` and a
 * name. It is code only when its `{` follows on the same clause and its braces balance.
 */
const MODIFIERS = String.raw`(?:(?:@\w+\s+)?(?:public|private|internal|fileprivate|open|final|static|override|nonisolated|mutating)\s+)`;
const DECLARATION = String.raw`(?:enum|class|struct|protocol|extension|actor|func)\s+[A-Za-z_]\w*`;
const SWIFT_DECLARATION = new RegExp(String.raw`(?<![\w.])${MODIFIERS}*${DECLARATION}`);
/**
 * SWIFT_DECLARATION, or (without group 1) a run of modifiers no declaration follows: the search goes on after
 * them, as no modifier inside such a run starts a declaration either (`public public …` is read once).
 */
const DECLARATION_OR_MODIFIERS = new RegExp(
  String.raw`(?<![\w.])(?:(${MODIFIERS}*${DECLARATION})|${MODIFIERS}+)`,
  'g',
);
/** The text between a declaration's name and its `{`: no other braces or `;`, and no sentence end. */
const DECLARATION_HEAD = /^[^{};]{0,300}?\{/;
const SENTENCE_END = /[.!?]\s+[A-Z][a-z]/;
/** How far a declaration's head may run to its `{` (DECLARATION_HEAD's 300 characters and the brace). */
const MAX_HEAD = 301;

/**
 * The tokens of the declaration at `at` (its head `length` long) through its closing brace, or null when no `{`
 * ends its head or its braces do not balance. The head holds no brace, so the first brace from `at` is its `{`.
 */
function balancedBody(readings: BraceReadings, at: number, length: number): CodeToken[] | null {
  const head = DECLARATION_HEAD.exec(readings.text.slice(at + length, at + length + MAX_HEAD));
  if (!head || SENTENCE_END.test(head[0])) return null;
  const span = balancedSpan(readings, at);
  return span && spanTokens(span);
}

/**
 * The Swift runs of text[from, to): a declaration with a balanced body, and any declarations right after it.
 * The text is read as tokens once (see BraceReadings), so a body that never closes costs one look-up, not a read
 * of the rest of the text.
 */
export function swiftRuns(text: string, from: number, to = text.length): RunSearch {
  const re = new RegExp(DECLARATION_OR_MODIFIERS);
  // Searched up to `to` only: a search past it would read the rest of the body once per fence.
  const bounded = text.slice(0, to);
  let readings: BraceReadings | null = null;
  const read = () => (readings ??= braceReadings(bounded, from));
  let exhausted = false;
  return (at) => {
    if (exhausted) return null;
    re.lastIndex = at;
    const run = nextRun(text, bounded, re, read);
    exhausted = run === null;
    return run;
  };
}

/** The first Swift run in text[from, to), and any declarations right after it. */
export const findSwiftRun = (text: string, from: number, to = text.length): CodeRun | null =>
  swiftRuns(text, from, to)(from);

/** The next Swift run from `re`'s position. */
function nextRun(text: string, bounded: string, re: RegExp, read: () => BraceReadings): CodeRun | null {
  for (let m = re.exec(bounded); m; m = re.exec(bounded)) {
    if (m[1] === undefined) continue;
    const readings = read();
    const body = balancedBody(readings, m.index, m[0].length);
    if (!body) continue;
    const tokens = body;
    // Declarations that follow straight on (`} public func …`) belong to the same listing.
    const nextDecl = new RegExp(String.raw`\s+(?:${SWIFT_DECLARATION.source})`, 'y');
    for (;;) {
      const after = tokens.at(-1)!.end;
      nextDecl.lastIndex = after;
      const found = nextDecl.exec(readings.text);
      const name = found?.[0].trimStart() ?? '';
      const more = found ? balancedBody(readings, after + found[0].length - name.length, name.length) : null;
      if (!more) break;
      for (const t of more) tokens.push(t);
    }
    return {
      start: m.index,
      end: tokens.at(-1)!.end,
      lang: 'swift',
      lines: braceLines(text, tokens, { statements: true }),
      removed: [],
    };
  }
  return null;
}
