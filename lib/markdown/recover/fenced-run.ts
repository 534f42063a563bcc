import { braceLines } from './brace-layout';
import { cFamilyLines } from './c-family-run';
import { codeTokens } from './code-tokens';
import { logEntriesIn, logRun } from './log-layout';
import { findPlistRun } from './plist-layout';
import type { CodeLanguage, CodeRun, Removal } from './segment';

/** Fence info strings we trust to be a language (not the first word of the code), and how we name them. */
const FENCE_LANGUAGES: Record<string, CodeLanguage> = {
  swift: 'swift', objc: 'objectivec', m: 'objectivec', 'objective-c': 'objectivec', objectivec: 'objectivec',
  c: 'c', cpp: 'c', h: 'c', json: 'json', xml: 'xml', plist: 'xml', log: 'log', console: 'log', text: 'plaintext',
  txt: 'plaintext', plaintext: 'plaintext', sh: 'plaintext', bash: 'plaintext', shell: 'plaintext',
  zsh: 'plaintext', ini: 'plaintext', yaml: 'plaintext', http: 'plaintext', diff: 'plaintext',
}; // prettier-ignore

/** A fence marker: three backticks and the word right after them. */
export const FENCE_MARKER = /```([A-Za-z][\w+-]*)?/g;

/** The lines of a closed fence's content text[from, to) in `lang`. */
function contentLines(text: string, from: number, to: number, lang: CodeLanguage): string[] {
  if (lang === 'swift') return braceLines(text, [...codeTokens(text, from, to)], { statements: true });
  if (lang === 'objectivec' || lang === 'c') return cFamilyLines(text, from, to);
  if (lang === 'xml') {
    // Pretty-printed when the whole content is one property list or XML document.
    const run = findPlistRun(text, from, to);
    if (run && !text.slice(from, run.start).trim() && !text.slice(run.end, to).trim()) return run.lines;
  }
  const line = text.slice(from, to).trim().replace(/\s+/g, ' ');
  return line ? [line] : [];
}

/**
 * The first fence in text[from, ...): a closed one (```` ```swift … ``` ````) is a block in its language, the
 * markers dropped; an unclosed one is a block only when a log follows it. Null when there is none.
 */
export function findFencedRun(text: string, from: number): CodeRun | null {
  const re = new RegExp(FENCE_MARKER.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const info = m[1];
    const known = info !== undefined ? FENCE_LANGUAGES[info.toLowerCase()] : undefined;
    const marker = known ? m[0] : '```';
    const contentStart = m.index + marker.length;
    const close = text.indexOf('```', contentStart);
    const opening: Removal = { at: m.index, text: marker };
    if (close >= 0) {
      if (!text.slice(contentStart, close).trim()) {
        re.lastIndex = close + 3;
        continue;
      }
      const entries = known === 'log' || !known ? logEntriesIn(text, contentStart, close) : [];
      const closing: Removal = { at: close, text: '```' };
      if (entries.length > 0 && (known === 'log' || entries.length >= 2)) {
        const log = logRun(text, entries, close)!;
        const lead = text.slice(contentStart, entries[0]).trim();
        // Text after the last entry the log layout took, still inside the fence, is a last line of its own.
        const tail = log.end < close ? text.slice(log.end, close).trim() : '';
        return {
          start: m.index,
          end: close + 3,
          lang: 'log',
          lines: [...(lead ? [lead] : []), ...log.lines, ...(tail ? [tail] : [])],
          removed: [opening, ...log.removed.filter((r) => r.at >= entries[0]!), closing],
        };
      }
      const lang = known ?? 'plaintext';
      return {
        start: m.index,
        end: close + 3,
        lang,
        lines: contentLines(text, contentStart, close, lang),
        removed: [opening, closing],
      };
    }
    const entries = logEntriesIn(text, contentStart, text.length);
    const first = entries[0];
    if (
      (known === 'log' || known === undefined) &&
      first !== undefined &&
      !text.slice(contentStart, first).trim()
    ) {
      const log = logRun(text, chainOf(entries), text.length)!;
      return { ...log, start: m.index, removed: [opening, ...log.removed.filter((r) => r.at >= first)] };
    }
    return null;
  }
  return null;
}

/** The entries that follow each other closely enough to be one log. */
function chainOf(entries: readonly number[]): number[] {
  const chain = entries.slice(0, 1);
  for (const at of entries.slice(1)) {
    if (at - chain.at(-1)! > 600) break;
    chain.push(at);
  }
  return chain;
}
