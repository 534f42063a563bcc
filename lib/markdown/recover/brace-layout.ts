import { indentation } from './indentation';
import type { CodeToken } from './code-tokens';

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
    if (line) lines.push(indentation(INDENT, lineDepth) + line);
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
