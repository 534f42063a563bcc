import { decodeHTML } from 'entities';
import { indentation } from './indentation';
import { balancedSpan, braceReadings, spanTokens, type BraceReadings } from './brace-readings';
import type { CodeToken } from './code-tokens';
import type { CodeRun, RunSearch } from './segment';

const JSON_START = /\{\s*"/g;
const INDENT = '  ';

/** Pretty-print JSON from its own tokens: a line after `{`, `[` and `,`, before `}` and `]`, two spaces a level. */
function jsonLines(text: string, tokens: readonly CodeToken[]): string[] {
  const lines: string[] = [];
  let depth = 0;
  let line = '';
  const flush = () => {
    if (line) lines.push(indentation(INDENT, depth) + line);
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

/**
 * How many characters of objects findJsonRun may decode and parse, over all its `{"`, for each character it
 * searches (and at least MIN_PARSE_BUDGET): objects nested in objects that fail to parse (`{"a" {"a" … } }`)
 * would each be parsed again; past the budget, no further `{"` is tried and the rest stays as it reads.
 */
export const PARSE_BUDGET_PER_CHARACTER = 4;
export const MIN_PARSE_BUDGET = 50_000;

/**
 * The JSON objects (ones that parse, with at least two members) of text[from, to), pretty-printed. The text
 * is read as tokens once; each `{"` is a look-up of its closing bracket in them, and the objects parsed stay
 * within the budget above.
 */
export function jsonRuns(text: string, from: number, to = text.length): RunSearch {
  const re = new RegExp(JSON_START.source, 'g');
  // Searched up to `to` only: a search past it would read the rest of the body once per fence.
  const bounded = text.slice(0, to);
  let readings: BraceReadings | null = null;
  let budget = Math.max(MIN_PARSE_BUDGET, PARSE_BUDGET_PER_CHARACTER * (to - from));
  let exhausted = false;
  return (at) => {
    if (exhausted) return null;
    exhausted = true;
    re.lastIndex = at;
    for (let m = re.exec(bounded); m; m = re.exec(bounded)) {
      readings ??= braceReadings(bounded, from, '{}[]');
      const span = balancedSpan(readings, m.index);
      if (!span) continue;
      const end = span.end;
      budget -= end - m.index;
      if (budget < 0) return null;
      try {
        JSON.parse(decodeHTML(text.slice(m.index, end)));
      } catch {
        continue;
      }
      const tokens = spanTokens(span);
      if (tokens.filter((t) => text.slice(t.start, t.end) === ':').length < 2) continue;
      exhausted = false;
      return { start: m.index, end, lang: 'json', lines: jsonLines(text, tokens), removed: [] };
    }
    return null;
  };
}

/** The first JSON object in text[from, to), pretty-printed (see jsonRuns). */
export const findJsonRun = (text: string, from: number, to = text.length): CodeRun | null =>
  jsonRuns(text, from, to)(from);
