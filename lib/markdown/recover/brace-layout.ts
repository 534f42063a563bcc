import { codeTokens, type CodeToken } from './code-tokens';
import type { CodeRun } from './segment';

/**
 * A Swift declaration that opens a body: modifiers, then `enum|class|struct|protocol|extension|actor|func` and a
 * name. It is code only when its `{` follows on the same clause and its braces balance.
 */
const SWIFT_DECLARATION =
  /(?<![\w.])(?:(?:@\w+\s+)?(?:public|private|internal|fileprivate|open|final|static|override|nonisolated|mutating)\s+)*(?:enum|class|struct|protocol|extension|actor|func)\s+[A-Za-z_]\w*/g;
/** The text between a declaration's name and its `{`: no other braces or `;`, and no sentence end. */
const DECLARATION_HEAD = /^[^{};]{0,300}?\{/;
const SENTENCE_END = /[.!?]\s+[A-Z][a-z]/;
/** Words after which the next word continues the statement. */
const CONTINUES_AFTER = new Set([
  'return', 'let', 'var', 'case', 'guard', 'if', 'else', 'as', 'as?', 'as!', 'is', 'in', 'try', 'try?', 'try!',
  'await', 'throw', 'func', 'class', 'struct', 'enum', 'protocol', 'extension', 'actor', 'import', 'public',
  'private', 'internal', 'fileprivate', 'open', 'static', 'final', 'override', 'nonisolated', 'mutating', 'weak',
  'unowned', 'lazy', 'convenience', 'required', 'inout', 'some', 'any', 'where', 'while', 'for', 'switch',
  'repeat', 'defer', 'do', 'catch', 'typealias', 'indirect', '@escaping', '@MainActor', '@objc', '@Sendable',
]); // prettier-ignore
/** Words that continue the statement before them. */
const CONTINUES_BEFORE = new Set([
  'as',
  'as?',
  'as!',
  'is',
  'in',
  'else',
  'where',
  'throws',
  'rethrows',
  'async',
  'catch',
]);
/** What may follow a `}` on its line. */
const AFTER_CLOSE = new Set(['.', ')', ',', ']', 'else', 'catch', '?', '!']);
const INDENT = '    ';

/** The text of a token. */
const tokenText = (text: string, t: CodeToken) => text.slice(t.start, t.end);

/** Whether a token ends an expression, so a word after it starts a new statement. */
function endsExpression(text: string, t: CodeToken): boolean {
  if (t.kind === 'number' || t.kind === 'string') return true;
  const s = tokenText(text, t);
  if (t.kind === 'word') return !CONTINUES_AFTER.has(s);
  return s === ')' || s === ']' || s === '?' || s === '!';
}

/** The tokens of a balanced brace body starting at `open` (a `{`), through its matching `}`; null if unbalanced. */
function balancedTokens(text: string, from: number, open: number): CodeToken[] | null {
  const tokens: CodeToken[] = [];
  let depth = 0;
  for (const t of codeTokens(text, from)) {
    tokens.push(t);
    const s = tokenText(text, t);
    if (t.kind !== 'punct') continue;
    if (s === '{') depth++;
    else if (s === '}') {
      depth--;
      if (depth === 0 && t.start >= open) return tokens;
      if (depth < 0) return null;
    }
  }
  return null;
}

/** How to lay out a run: Swift breaks between statements; C-family runs name where their top-level units start. */
export type BraceLayout = {
  /** Break between statements that no `;` ends (Swift). */
  statements: boolean;
  /** Token starts that always begin a line (the units of a C-family run: directives, `@end`, declarations). */
  lineStarts?: ReadonlySet<number>;
  /** Token starts that never begin a line (a struct's `} name;` declarator stays after its brace). */
  glued?: ReadonlySet<number>;
  /** Token starts of braces that open no body (an initializer `= {0}`): no line breaks, no nesting. */
  flat?: ReadonlySet<number>;
};

/**
 * Lay out tokens as lines: a line after `{`, `}` and `;` (not a `;` inside `(…)` or `[…]` of the same body,
 * as in `for (;;)`), after a C `case …:` label, and between statements, indented by brace nesting; comments on
 * lines of their own.
 */
export function braceLines(text: string, tokens: readonly CodeToken[], layout: BraceLayout): string[] {
  const { statements, lineStarts, glued, flat } = layout;
  const lines: string[] = [];
  let depth = 0;
  let nesting = 0; // ( and [ inside the current brace body
  const outerNesting: number[] = []; // the nesting of each open brace's enclosing body (a block passed as argument)
  let lineStart = tokens[0]?.start ?? 0;
  let lineDepth = 0;
  const breakBefore = (at: number) => {
    const line = text.slice(lineStart, at).trim().replace(/\s+/g, ' ');
    if (line) lines.push(INDENT.repeat(Math.max(0, lineDepth)) + line);
    lineStart = at;
    lineDepth = depth;
  };
  tokens.forEach((t, i) => {
    if (flat?.has(t.start)) return;
    const s = tokenText(text, t);
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === 'comment' || s === '}') {
      if (s === '}') {
        depth--;
        nesting = outerNesting.pop() ?? 0;
      }
      // An empty body stays `{ }` on its line.
      if (!(s === '}' && prev && tokenText(text, prev) === '{')) breakBefore(t.start);
    } else if (prev && lineStarts?.has(t.start)) {
      breakBefore(t.start);
    } else if (prev && nesting === 0 && statements && t.kind === 'word' && !CONTINUES_BEFORE.has(s)) {
      if (endsExpression(text, prev) && prev.kind !== 'comment') breakBefore(t.start);
    }
    if (s === '(' || s === '[') nesting++;
    else if ((s === ')' || s === ']') && nesting > 0) nesting--;
    else if (s === '{') {
      depth++;
      outerNesting.push(nesting);
      nesting = 0;
    }
    const nextText = next ? tokenText(text, next) : '';
    const endsLine =
      t.kind === 'comment' ||
      (s === '{' && nextText !== '}') ||
      (s === '}' && !AFTER_CLOSE.has(nextText)) ||
      (s === ';' && nesting === 0) ||
      (!statements &&
        s === ':' &&
        nesting === 0 &&
        /^(?:case|default)\b/.test(text.slice(lineStart, t.start).trim()));
    if (endsLine && next && !glued?.has(next.start)) breakBefore(next.start);
  });
  const last = tokens.at(-1);
  if (last) breakBefore(last.end);
  return lines;
}

/** The first Swift declaration with a balanced body in text[from, to), and any declarations right after it. */
export function findSwiftRun(text: string, from: number, to = text.length): CodeRun | null {
  const re = new RegExp(SWIFT_DECLARATION.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const body = balancedBody(text, m.index, m[0].length, to);
    if (!body) continue;
    let tokens = body;
    // Declarations that follow straight on (`} public func …`) belong to the same listing.
    for (;;) {
      const after = tokens.at(-1)!.end;
      const nextDecl = new RegExp(`^\\s+(?:${SWIFT_DECLARATION.source})`).exec(text.slice(after, to));
      const more = nextDecl
        ? balancedBody(
            text,
            after + nextDecl[0].length - nextDecl[0].trimStart().length,
            nextDecl[0].trimStart().length,
            to,
          )
        : null;
      if (!more) break;
      tokens = [...tokens, ...more];
    }
    const end = tokens.at(-1)!.end;
    return {
      start: m.index,
      end,
      lang: 'swift',
      lines: braceLines(text, tokens, { statements: true }),
      removed: [],
    };
  }
  return null;
}

/** The tokens of the declaration at `at` (its head `length` long) through its closing brace, or null. */
function balancedBody(text: string, at: number, length: number, to: number): CodeToken[] | null {
  const head = DECLARATION_HEAD.exec(text.slice(at + length, to));
  if (!head || SENTENCE_END.test(head[0])) return null;
  const open = at + length + head[0].length - 1;
  const tokens = balancedTokens(text.slice(0, to), at, open);
  return tokens;
}
