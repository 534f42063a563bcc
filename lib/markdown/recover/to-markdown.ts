import { decodeHTML } from 'entities';
import { escapeDelimiterFloods } from '../delimiter-floods';
import type { Segment } from './segment';

/** A fence longer than any run of backticks in `code`, so the code can never close it. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * Markdown of recovered segments: prose as it was (a flood of emphasis or bracket characters made literal), each
 * code block fenced with its language.
 */
export function segmentsToMarkdown(segments: readonly Segment[]): string {
  return segments
    .map((s) => {
      if (s.kind === 'text') return escapeDelimiterFloods(s.text);
      // The labelled layout escapes entities; a code block shows text literally, so decode them here.
      const code = decodeHTML(s.lines.join('\n'));
      const fence = fenceFor(code);
      return `${fence}${s.lang}\n${code}\n${fence}`;
    })
    .join('\n\n');
}
