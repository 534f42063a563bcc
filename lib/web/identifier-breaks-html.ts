import { identifierPieces } from '@/lib/text/identifier-breaks';

/** A tag, with quoted attribute values kept inside it; comments whole. */
const TAG = /<!--[\s\S]*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** Words this long or longer get break opportunities; shorter ones always fit. */
const LONG_WORD = /[^\s<>&]{16,}/g;

/**
 * Give long identifiers in rendered HTML a `<wbr>` at each camelCase and punctuation boundary, in text
 * outside `<pre>` only, so they wrap there and never mid-word. Runs last, after highlighting: words are
 * split only between tags, never inside a `<mark>`'s word.
 */
export function withIdentifierBreaks(html: string): string {
  let out = '';
  let at = 0;
  let inPre = 0;
  for (const m of html.matchAll(TAG)) {
    const start = m.index ?? 0;
    const text = html.slice(at, start);
    out += inPre > 0 ? text : text.replace(LONG_WORD, (word) => identifierPieces(word).join('<wbr>'));
    out += m[0];
    if (/^<pre[\s>]/i.test(m[0])) inPre++;
    else if (/^<\/pre>/i.test(m[0])) inPre = Math.max(0, inPre - 1);
    at = start + m[0].length;
  }
  const rest = html.slice(at);
  return out + (inPre > 0 ? rest : rest.replace(LONG_WORD, (word) => identifierPieces(word).join('<wbr>')));
}
