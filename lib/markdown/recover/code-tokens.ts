/** A token of Swift, Objective-C, C or JSON source, as a span of the text it was read from. */
export type CodeToken = {
  start: number;
  end: number;
  kind: 'word' | 'number' | 'string' | 'comment' | 'punct';
};

/** Words that keep a comment from the flattened forum going: they start the code after it. */
const COMMENT_STOPS = new Set([
  'public', 'private', 'internal', 'fileprivate', 'func', 'let', 'var', 'guard', 'return', 'static', 'override',
  'struct', 'enum', 'init', 'self', 'int', 'void', 'char', 'unsigned', 'const', 'BOOL', 'NSLog', 'NSString',
  'NSError',
]); // prettier-ignore
/** A `//` comment flattened into the line ends at its first sentence end at the latest, and never beyond this. */
const MAX_COMMENT = 200;
const MAX_STRING = 300;
const ENTITY = /^&(?:lt|gt|amp|quot|apos|#\d{1,5});/;
/** A C character literal (`';'`, `'\\n'`) or a four-character code (`'avc1'`); an apostrophe in prose is not one. */
const CHAR_LITERAL = /^'(?:\\.|[^'\\\s]){1,4}'/;

/**
 * Where Objective-C resumes after a flattened comment: a message send (`[self …`, `[[NSFoo alloc] …`), a pointer
 * declaration (`NEPacketTunnelNetworkSettings *settings =`), a directive or an `@` keyword.
 */
const OBJC_RESUMES = String.raw`\s(?=\[+(?:self|super|[A-Z]\w*)\s|[A-Z]\w*\s*\*\s*[a-z_]\w*\s*[=;]|[#@][a-z])`;
const COMMENT_END = String.raw`${OBJC_RESUMES}|\s([A-Za-z_]+)\b|\s(?=\})|[.!?](?=\s)`;

/** How far past a comment's longest end COMMENT_END may look ahead (`[[NSFoo alloc] …`, `Type *name =`). */
const COMMENT_LOOKAHEAD = 200;

/** Where a `//` comment starting at `at` ends: its first sentence end, a code keyword, a `}`, or the end. */
function lineCommentEnd(text: string, at: number, limit: number): number {
  const stop = Math.min(limit, at + MAX_COMMENT);
  const word = new RegExp(COMMENT_END, 'g');
  word.lastIndex = at + 2;
  // Searched in a window, so a comment with no end in sight does not make the search read the rest of the text.
  const window = text.slice(0, Math.min(text.length, stop + COMMENT_LOOKAHEAD));
  for (let m = word.exec(window); m && m.index < stop; m = word.exec(window)) {
    if (m[0][0] === '.' || m[0][0] === '!' || m[0][0] === '?') return m.index + 1;
    if (m[1] === undefined || COMMENT_STOPS.has(m[1])) return m.index;
  }
  return stop;
}

/** The end of a string literal opened at `at` by `quote`, or null when it does not close soon. */
function stringEnd(text: string, at: number, quote: string, limit: number): number | null {
  for (let i = at + 1; i < Math.min(limit, at + MAX_STRING); i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return null;
}

/** Tokens of text[from, limit), skipping white space; comments and strings are one token each. */
export function* codeTokens(text: string, from: number, limit = text.length): Generator<CodeToken> {
  let i = from;
  while (i < limit) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '/' && text[i + 1] === '/') {
      i = lineCommentEnd(text, i, limit);
      yield { start, end: i, kind: 'comment' };
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close >= limit ? limit : close + 2;
      yield { start, end: i, kind: 'comment' };
    } else if (ch === '&' && ENTITY.test(text.slice(i, i + 8))) {
      // The labelled layout escapes `<`, `>`, `&` and `"`: an entity is one character of code.
      i += ENTITY.exec(text.slice(i, i + 8))![0].length;
      yield { start, end: i, kind: 'punct' };
    } else if (ch === '"') {
      const end = stringEnd(text, i, ch, limit);
      i = end ?? i + 1;
      yield { start, end: i, kind: end === null ? 'punct' : 'string' };
    } else if (ch === "'" && CHAR_LITERAL.test(text.slice(i, Math.min(limit, i + 10)))) {
      i += CHAR_LITERAL.exec(text.slice(i, Math.min(limit, i + 10)))![0].length;
      yield { start, end: i, kind: 'string' };
    } else if (/[A-Za-z_@#$]/.test(ch)) {
      i++;
      while (i < limit && /[\w$]/.test(text[i]!)) i++;
      // `try?`, `try!`, `as?`, `as!` are one word.
      const word = text.slice(start, i);
      if ((word === 'try' || word === 'as') && (text[i] === '?' || text[i] === '!')) i++;
      yield { start, end: i, kind: 'word' };
    } else if (/\d/.test(ch)) {
      i++;
      while (i < limit && /[\w.]/.test(text[i]!) && !(text[i] === '.' && !/\d/.test(text[i + 1] ?? ''))) i++;
      yield { start, end: i, kind: 'number' };
    } else {
      i++;
      if ('-=<>!&|+*/%'.includes(ch)) {
        while (i < limit && '-=<>&|+*/%'.includes(text[i]!) && !ENTITY.test(text.slice(i, i + 8))) i++;
      }
      yield { start, end: i, kind: 'punct' };
    }
  }
}
