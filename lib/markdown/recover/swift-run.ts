import { braceLines } from './brace-layout';
import { balancedFrom, braceIndex, type BraceIndex } from './brace-index';
import type { CodeToken } from './code-tokens';
import type { CodeRun } from './segment';

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
function balancedBody(index: BraceIndex, at: number, length: number): CodeToken[] | null {
  const head = DECLARATION_HEAD.exec(index.text.slice(at + length, at + length + MAX_HEAD));
  if (!head || SENTENCE_END.test(head[0])) return null;
  return balancedFrom(index, at);
}

/**
 * The first Swift declaration with a balanced body in text[from, to), and any declarations right after it.
 * The text is read as tokens once (see BraceIndex), so a body that never closes costs one look-up, not a read
 * of the rest of the text.
 */
export function findSwiftRun(text: string, from: number, to = text.length): CodeRun | null {
  const re = new RegExp(DECLARATION_OR_MODIFIERS);
  re.lastIndex = from;
  let index: BraceIndex | null = null;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m[1] === undefined) continue;
    index ??= braceIndex(text.slice(0, to), from);
    const body = balancedBody(index, m.index, m[0].length);
    if (!body) continue;
    const tokens = body;
    // Declarations that follow straight on (`} public func …`) belong to the same listing.
    const nextDecl = new RegExp(String.raw`\s+(?:${SWIFT_DECLARATION.source})`, 'y');
    for (;;) {
      const after = tokens.at(-1)!.end;
      nextDecl.lastIndex = after;
      const found = nextDecl.exec(index.text);
      const name = found?.[0].trimStart() ?? '';
      const more = found ? balancedBody(index, after + found[0].length - name.length, name.length) : null;
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
