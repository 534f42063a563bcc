import { ASCII_WORD } from '../text/char-classes';
import { forEachPart, isPlainToken, scanTokens } from './tokenize';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Whether the token `text[start, end)` matches a term, whole or by one of its parts. */
function tokenMatches(
  text: string,
  start: number,
  end: number,
  set: ReadonlySet<string>,
  lengths: ReadonlySet<number> | null,
): boolean {
  // Where lowercasing keeps lengths, a token of a length no term has is skipped without a lowercase copy.
  let hit = (lengths === null || lengths.has(end - start)) && set.has(text.slice(start, end).toLowerCase());
  if (!hit && !isPlainToken(text, start, end)) {
    forEachPart(text, start, end, (part) => {
      hit ||= set.has(part);
    });
  }
  return hit;
}

/** Whether `c` is an ASCII character that no token holds (not a letter, digit, `_` or `.`). */
const outsideTokens = (c: number) => c < 128 && ASCII_WORD[c] === 0 && c !== 46;

/**
 * Character ranges of the tokens in `text` that match `terms` (lowercase), whole or by one of their parts.
 * A token can only match a term it contains, so only the tokens around each occurrence of a term in the
 * lowercased text are tested (found with `indexOf`), not every token of the text. Where lowercasing does not
 * keep every character in place (a few non-ASCII letters), every token is tested.
 */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const set = new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0));
  const ranges: Array<[number, number]> = [];
  if (set.size === 0) return ranges;
  const lengths = new Set([...set].map((t) => t.length));
  const lower = text.toLowerCase();
  if (lower.length !== text.length || text.includes('Σ')) {
    scanTokens(text, (start, end) => {
      if (tokenMatches(text, start, end, set, null)) ranges.push([start, end]);
    });
    return ranges;
  }
  const candidates = new Map<number, number>();
  for (const term of set) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      let from = at;
      while (from > 0 && !outsideTokens(text.charCodeAt(from - 1))) from--;
      scanTokens(
        text,
        (start, end) => {
          if (start <= at && end >= at + term.length) candidates.set(start, end);
        },
        from,
        at + 1,
      );
    }
  }
  for (const [start, end] of [...candidates].sort((a, b) => a[0] - b[0])) {
    if (tokenMatches(text, start, end, set, lengths)) ranges.push([start, end]);
  }
  return ranges;
}

/** Escape `text[from, to)` and wrap the given ranges (sorted, inside it) in `<mark>`. */
function renderRanges(
  text: string,
  ranges: ReadonlyArray<[number, number]>,
  from: number,
  to: number,
): string {
  let out = '';
  let at = from;
  for (const [start, end] of ranges) {
    if (start < from || end > to) continue;
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** Escape `text`, then wrap every token matching `terms` in `<mark>`: safe to inject as HTML. */
export function highlightHtml(text: string, terms: readonly string[]): string {
  return renderRanges(text, matchRanges(text, terms), 0, text.length);
}

/**
 * The passage of about `length` characters holding the most matches, cut at word boundaries,
 * with `…` where text was cut, escaped and highlighted.
 */
export function snippetHtml(text: string, terms: readonly string[], length = 240): string {
  const ranges = matchRanges(text, terms);
  if (text.length <= length) return renderRanges(text, ranges, 0, text.length);
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < ranges.length; i++) {
    const windowEnd = ranges[i]![0] + length;
    if (j < i) j = i;
    while (j < ranges.length && ranges[j]![1] <= windowEnd) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      bestStart = ranges[i]![0];
    }
  }
  // Lead in a little before the first match, at a word boundary.
  let start = Math.max(0, bestStart - Math.floor(length / 6));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > bestStart ? start : space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  return prefix + renderRanges(text, ranges, start, end) + suffix;
}
