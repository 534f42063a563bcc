import { decodeHTML } from 'entities';
import { codeTokens, type CodeToken } from './code-tokens';
import type { CodeRun } from './segment';

const JSON_START = /\{\s*"/g;
const INDENT = '  ';

/** The tokens of the balanced `{…}` at `at`, or null. */
function objectTokens(text: string, at: number, to: number): CodeToken[] | null {
  const tokens: CodeToken[] = [];
  let depth = 0;
  for (const t of codeTokens(text, at, to)) {
    tokens.push(t);
    const s = text.slice(t.start, t.end);
    if (s === '{' || s === '[') depth++;
    else if (s === '}' || s === ']') {
      depth--;
      if (depth === 0) return tokens;
    }
  }
  return null;
}

/** Pretty-print JSON from its own tokens: a line after `{`, `[` and `,`, before `}` and `]`, two spaces a level. */
function jsonLines(text: string, tokens: readonly CodeToken[]): string[] {
  const lines: string[] = [];
  let depth = 0;
  let line = '';
  const flush = () => {
    if (line) lines.push(INDENT.repeat(depth) + line);
    line = '';
  };
  tokens.forEach((t, i) => {
    const s = text.slice(t.start, t.end);
    const prev = i > 0 ? text.slice(tokens[i - 1]!.start, tokens[i - 1]!.end) : '';
    if ((s === '}' || s === ']') && prev !== '{' && prev !== '[') {
      flush();
      depth--;
    }
    line += s === ':' ? ': ' : s;
    const next = tokens[i + 1] ? text.slice(tokens[i + 1]!.start, tokens[i + 1]!.end) : '';
    if ((s === '{' || s === '[') && next !== '}' && next !== ']') {
      flush();
      depth++;
    } else if (s === ',') flush();
  });
  flush();
  return lines;
}

/** The first JSON object (one that parses, with at least two members) in text[from, to), pretty-printed. */
export function findJsonRun(text: string, from: number, to = text.length): CodeRun | null {
  const re = new RegExp(JSON_START.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const tokens = objectTokens(text, m.index, to);
    if (!tokens) continue;
    const end = tokens.at(-1)!.end;
    const source = text.slice(m.index, end);
    try {
      JSON.parse(decodeHTML(source));
    } catch {
      continue;
    }
    if (tokens.filter((t) => text.slice(t.start, t.end) === ':').length < 2) continue;
    return { start: m.index, end, lang: 'json', lines: jsonLines(text, tokens), removed: [] };
  }
  return null;
}
