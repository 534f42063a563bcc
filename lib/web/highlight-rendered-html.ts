import { decodeHTML } from 'entities';
import { escapeHtml, matchRanges } from '@/lib/search/highlight';
import type { HighlightQuery } from '@/lib/search/highlight-query';
import { matchId } from './match-id';

/** A tag, with quoted attribute values (which may hold `>`) kept inside it; comments whole. */
const TAG = /<!--[\s\S]*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/** Inline elements, whose text runs on across the tag (syntax colouring splits `NWProtocolTLS.Options` in spans). */
const INLINE_TAG = /^<\/?(?:a|abbr|b|code|del|em|i|kbd|mark|q|s|small|span|strong|sub|sup|u|wbr)\b/i;

/** A later piece of a match that a tag cuts: marked, but not numbered as a match of its own. */
const CONTINUED_MARK = '<mark class="continued">';

/**
 * Wrap what a highlight marks (the snippet's rule: `matchRanges`) in `<mark>` inside already-sanitised HTML,
 * touching text between tags only: the text runs are decoded and read as one text (runs on across inline tags, a
 * line break at any other tag), so an identifier split by syntax colouring still matches whole; each run is then
 * escaped and its part of each match marked, so no markup can be introduced. A match a tag cuts is one `<mark>`
 * and, after each tag inside it, a `<mark class="continued">`.
 */
export function highlightRenderedHtml(html: string, highlight: HighlightQuery): string {
  const { words, phrases, domainCodes } = highlight;
  if (words.length === 0 && phrases.length === 0 && domainCodes.length === 0) return html;
  const pieces: Array<{ tag: string } | { text: string; at: number }> = [];
  let text = '';
  let at = 0;
  const addText = (raw: string) => {
    if (!raw) return;
    const decoded = decodeHTML(raw);
    pieces.push({ text: decoded, at: text.length });
    text += decoded;
  };
  for (const m of html.matchAll(TAG)) {
    const start = m.index ?? 0;
    addText(html.slice(at, start));
    pieces.push({ tag: m[0] });
    if (!INLINE_TAG.test(m[0])) text += '\n';
    at = start + m[0].length;
  }
  addText(html.slice(at));
  const ranges = matchRanges(text, highlight);
  let out = '';
  for (const piece of pieces) out += 'tag' in piece ? piece.tag : markRun(piece.text, piece.at, ranges);
  return out;
}

/** Escape one run of text starting at `offset` of the whole, marking its part of each range. */
function markRun(run: string, offset: number, ranges: ReadonlyArray<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    const from = Math.max(start - offset, at);
    const to = Math.min(end - offset, run.length);
    if (to <= from) continue;
    const open = start - offset < 0 ? CONTINUED_MARK : '<mark>';
    out += escapeHtml(run.slice(at, from)) + open + escapeHtml(run.slice(from, to)) + '</mark>';
    at = to;
  }
  return out + escapeHtml(run.slice(at));
}

/** Give every `<mark>` of highlighted HTML its id (`match-1`, `match-2`, …); the HTML and how many there are. */
export function numberMatches(html: string): { html: string; count: number } {
  let count = 0;
  const numbered = html.replace(/<mark>/g, () => `<mark id="${matchId(++count)}">`);
  return { html: numbered, count };
}
