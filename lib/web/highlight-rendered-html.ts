import { decodeHTML } from 'entities';
import { highlightHtml } from '@/lib/search/highlight';
import { matchId } from './match-id';

/** A tag, with quoted attribute values (which may hold `>`) kept inside it; comments whole. */
const TAG = /<!--[\s\S]*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * Wrap the words matching `terms` in `<mark>` inside already-sanitised HTML, touching text between tags only:
 * each text run is decoded, then escaped and marked by highlightHtml, so no markup can be introduced.
 */
export function highlightRenderedHtml(html: string, terms: readonly string[]): string {
  if (terms.length === 0) return html;
  let out = '';
  let at = 0;
  for (const m of html.matchAll(TAG)) {
    const start = m.index ?? 0;
    out += highlightText(html.slice(at, start), terms) + m[0];
    at = start + m[0].length;
  }
  return out + highlightText(html.slice(at), terms);
}

/** Give every `<mark>` of highlighted HTML its id (`match-1`, `match-2`, …); the HTML and how many there are. */
export function numberMatches(html: string): { html: string; count: number } {
  let count = 0;
  const numbered = html.replace(/<mark>/g, () => `<mark id="${matchId(++count)}">`);
  return { html: numbered, count };
}

function highlightText(text: string, terms: readonly string[]): string {
  return text ? highlightHtml(decodeHTML(text), terms) : text;
}

/** The terms of a `?hl=` parameter: split on spaces, at most 20, each at most 60 characters, lowercased. */
export function parseHighlightTerms(hl: string | string[] | undefined): string[] {
  const text = Array.isArray(hl) ? hl.join(' ') : (hl ?? '');
  const terms = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_.]+/u)
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t.length >= 2 && t.length <= 60);
  return [...new Set(terms)].slice(0, 20);
}
