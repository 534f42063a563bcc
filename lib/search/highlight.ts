import { ASCII_WORD } from '../text/char-classes';
import type { DomainCode, HighlightQuery } from './highlight-query';
import { isPartBoundary, rawTokens, scanTokens } from './tokenize';

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

/** Whether `c` is an ASCII character that no token holds (not a letter, digit, `_` or `.`). */
const outsideTokens = (c: number) => c < 128 && ASCII_WORD[c] === 0 && c !== 46;

type Range = [number, number];

const HEX_DIGITS = /^[0-9a-f]+$/;

/** Whether lowercasing `text` may move or change characters, so offsets in its lowercase copy are not its own. */
const lowercaseShifts = (text: string, lower: string) => lower.length !== text.length || text.includes('Σ');

/**
 * Add to `ranges` every run `text[at, at + word.length)` that matches `word` (lowercase) between two part
 * boundaries of one token (`isPartBoundary`): a whole token, or a run of its parts; after a hex literal's `0x`, the
 * `0x` too. `lower` is `text` lowercased, of the same length.
 */
function addWordRuns(text: string, lower: string, word: string, ranges: Range[]): void {
  for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
    const stop = at + word.length;
    let from = at;
    while (from > 0 && !outsideTokens(text.charCodeAt(from - 1))) from--;
    scanTokens(
      text,
      (start, end) => {
        if (start > at || end < stop) return;
        if (!isPartBoundary(text, start, end, at) || !isPartBoundary(text, start, end, stop)) return;
        const hex =
          at >= start + 2 &&
          HEX_DIGITS.test(word) &&
          lower.startsWith('0x', at - 2) &&
          isPartBoundary(text, start, end, at - 2);
        ranges.push([hex ? at - 2 : at, stop]);
      },
      from,
      at + 1,
    );
  }
}

/** {@link addWordRuns} where lowercasing moves characters (a few non-ASCII letters): token by token. */
function addWordRunsByToken(text: string, words: readonly string[], ranges: Range[]): void {
  scanTokens(text, (start, end) => {
    const token = text.slice(start, end);
    const lower = token.toLowerCase();
    if (lower.length !== token.length) {
      if (words.includes(lower)) ranges.push([start, end]);
      return;
    }
    const local: Range[] = [];
    for (const word of words) addWordRuns(token, lower, word, local);
    for (const [s, e] of local) ranges.push([start + s, start + e]);
  });
}

/** Add the runs of consecutive tokens that spell a phrase (lowercase words). */
function addPhraseRuns(text: string, phrases: readonly string[][], ranges: Range[]): void {
  const tokens = rawTokens(text).map((t) => ({ ...t, lower: t.token.toLowerCase() }));
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((word, k) => tokens[i + k]!.lower === word))
        ranges.push([tokens[i]!.start, tokens[i + phrase.length - 1]!.end]);
    }
  }
}

/** What may stand between a domain and its code: ` code `, ` error `, `, code: `, ` Code=`, `=`, `:`, `-`, a space. */
const AFTER_DOMAIN =
  /(?:\s*[,:]?\s*(?:code|error)\s*[=:]?\s*|\s*[=:]\s*|-|\s+)-?0*(\d{1,6})(?![\p{L}\p{N}_]|\.[\p{L}\p{N}])/iuy;

/** Add each domain's runs, extended over its code where the code follows it (`OSSystemExtensionErrorDomain code 1`). */
function addDomainCodeRuns(text: string, lower: string, codes: readonly DomainCode[], ranges: Range[]) {
  for (const { domain, number } of codes) {
    const domains: Range[] = [];
    if (lowercaseShifts(text, lower)) addWordRunsByToken(text, [domain], domains);
    else addWordRuns(text, lower, domain, domains);
    for (const [start, end] of domains) {
      AFTER_DOMAIN.lastIndex = end;
      const m = AFTER_DOMAIN.exec(text);
      if (m && m[1] === number) ranges.push([start, end + m[0].length]);
    }
  }
}

/** Sort ranges and merge those that overlap or touch. */
function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const [start, end] of ranges) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * Character ranges of `text` that a highlight marks, sorted and merged: each word where it stands as a whole token
 * or a run of a token's parts (`nwprotocoltls.options` marks `NWProtocolTLS.Options` and not
 * `NWProtocolTCP.Options`; `options` marks the `Options` of both), each phrase where its words stand in order,
 * and each domain with its code where the code follows it. Only the places where a word occurs in the lowercased
 * text (found with `indexOf`) are tested, not every token; where lowercasing does not keep every character in
 * place (a few non-ASCII letters), every token is tested.
 */
export function matchRanges(text: string, highlight: HighlightQuery): Range[] {
  const ranges: Range[] = [];
  const { words } = highlight;
  const lower = text.toLowerCase();
  if (lowercaseShifts(text, lower)) addWordRunsByToken(text, words, ranges);
  else for (const word of words) if (word.length > 0) addWordRuns(text, lower, word, ranges);
  if (highlight.phrases.length > 0) addPhraseRuns(text, highlight.phrases, ranges);
  if (highlight.domainCodes.length > 0) addDomainCodeRuns(text, lower, highlight.domainCodes, ranges);
  return mergeRanges(ranges);
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

/** Escape `text`, then wrap every run the highlight marks in `<mark>`: safe to inject as HTML. */
export function highlightHtml(text: string, highlight: HighlightQuery): string {
  return renderRanges(text, matchRanges(text, highlight), 0, text.length);
}

/**
 * The passage of about `length` characters holding the most matches, cut at word boundaries,
 * with `…` where text was cut, escaped and highlighted.
 */
export function snippetHtml(text: string, highlight: HighlightQuery, length = 240): string {
  const ranges = matchRanges(text, highlight);
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
