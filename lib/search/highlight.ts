import { rawTokens, tokenParts } from './tokenize';

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

/** Whether a raw token matches one of the (lowercase) terms, whole or by one of its parts. */
function tokenMatches(token: string, terms: ReadonlySet<string>): boolean {
  if (terms.has(token.toLowerCase())) return true;
  return tokenParts(token).some((p) => terms.has(p));
}

/** Character ranges of the tokens in `text` that match `terms`. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const set = new Set(terms.map((t) => t.toLowerCase()));
  if (set.size === 0) return [];
  return rawTokens(text)
    .filter((t) => tokenMatches(t.token, set))
    .map((t) => [t.start, t.end] as [number, number]);
}

/** Escape `text`, then wrap every token matching `terms` in `<mark>`: safe to inject as HTML. */
export function highlightHtml(text: string, terms: readonly string[]): string {
  const ranges = matchRanges(text, terms);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * The passage of about `length` characters holding the most matches, cut at word boundaries,
 * with `…` where text was cut, escaped and highlighted.
 */
export function snippetHtml(text: string, terms: readonly string[], length = 240): string {
  if (text.length <= length) return highlightHtml(text, terms);
  const ranges = matchRanges(text, terms);
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i]![0];
    let count = 0;
    for (let j = i; j < ranges.length && ranges[j]![1] <= start + length; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
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
  return prefix + highlightHtml(text.slice(start, end), terms) + suffix;
}
