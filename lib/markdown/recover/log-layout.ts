import type { CodeRun, Removal, RunSearch } from './segment';

/** A log entry start: an optional level and date, then `HH:MM:SS.fraction` and an optional zone offset. */
const LOG_ENTRY =
  /(?<=^|[\s`])(?:(?:info|default|debug|error|fault|notice|warning)\s+)?(?:\d{4}-\d{2}-\d{2}[ T])?\d{2}:\d{2}:\d{2}\.\d+(?:[+-]\d{4})?(?=\s)/g;
/** A stack frame start: `2 NetworkExtension 0x00000001b0446618 `. */
const STACK_FRAME = /(?<=^|\s)\d{1,3}\s+[A-Za-z_][\w.+-]*\s+0x[0-9a-fA-F]{8,16}(?=\s)/g;
/** The end of a stack frame: its `(File.m:563)` source location. */
const FRAME_SOURCE = /\([\w.+-]+:\d+\)/;
/**
 * Where the last entry of a log gives way to prose: a capitalised word followed by four plain lower-case
 * words (`And when i debug the …`).
 */
const PROSE_RESUMES = /\s(?=[A-Z][a-z]+(?:\s+[a-z]+){4}(?:\s|$))/;
/** Two entries further apart than this are two logs with prose between. */
const MAX_ENTRY_LENGTH = 600;
/** The last entry of a log with no clear end stops at the word boundary before this length. */
const MAX_LAST_ENTRY = 240;

/** Stray backticks: inside a recovered log, and a lone one just before a log that is not fenced. */
export const STRAY_BACKTICK = '`';

/** The starts of the entries of `pattern` in text[from, to). */
function entryStarts(text: string, pattern: RegExp, from: number, to = text.length): number[] {
  const re = new RegExp(pattern.source, 'g');
  re.lastIndex = from;
  const starts: number[] = [];
  // Searched up to `to` only (an entry never takes a backtick, so none that starts before `to` is cut).
  const bounded = text.slice(0, to);
  for (let m = re.exec(bounded); m; m = re.exec(bounded)) starts.push(m.index);
  return starts;
}

/** Where prose resumes at `start` or after it in text[…, limit), or -1: PROSE_RESUMES searched once a reading. */
export type ProseSearch = (start: number) => number;

/**
 * The ProseSearch of text[…, limit). Starts only grow within a reading, so a position found once answers every
 * start up to it: the logs of a body find where their last entries end in one pass over it, not one a log.
 */
export function proseSearch(text: string, limit: number): ProseSearch {
  const re = new RegExp(PROSE_RESUMES.source, 'g');
  const bounded = text.slice(0, limit);
  let searchedFrom = Infinity;
  let found = -1;
  return (start) => {
    if (start >= searchedFrom && (found < 0 || found >= start)) return found;
    re.lastIndex = start;
    found = re.exec(bounded)?.index ?? -1;
    searchedFrom = start;
    return found;
  };
}

/** How long a frame's source location may be (`(NEHotspotHelper.m:563)`): it is looked for in a window. */
const MAX_FRAME_SOURCE = 200;

/** Where the last entry (starting at `start`) ends: at its source location for a frame, else where prose resumes. */
function lastEntryEnd(
  text: string,
  start: number,
  limit: number,
  frames: boolean,
  prose: ProseSearch,
): number {
  if (frames) {
    const window = text.slice(start, Math.min(limit, start + MAX_LAST_ENTRY + MAX_FRAME_SOURCE));
    const source = FRAME_SOURCE.exec(window);
    if (source && source.index < MAX_LAST_ENTRY) return start + source.index + source[0].length;
  }
  const resumes = prose(start);
  if (resumes >= 0) return resumes;
  if (limit - start <= MAX_LAST_ENTRY) return limit;
  const cut = text.slice(start, start + MAX_LAST_ENTRY + 1).lastIndexOf(' ', MAX_LAST_ENTRY);
  return start + (cut > 0 ? cut : MAX_LAST_ENTRY);
}

/** Lay out the entries of one log as lines, one entry per line, dropping stray backticks. */
function entryLines(text: string, starts: number[], end: number): { lines: string[]; removed: Removal[] } {
  const lines: string[] = [];
  const removed: Removal[] = [];
  starts.forEach((start, i) => {
    const stop = starts[i + 1] ?? end;
    let line = '';
    for (let at = start; at < stop; at++) {
      const ch = text[at]!;
      if (ch === STRAY_BACKTICK) removed.push({ at, text: ch });
      else line += ch;
    }
    lines.push(line.trim().replace(/\s+/g, ' '));
  });
  return { lines: lines.filter(Boolean), removed };
}

/**
 * The logs (two or more timestamped entries, or stack frames) of text[from, to), one entry per line: the entry
 * starts are found once, and each search goes on from the first one at or after `at`.
 */
export function logRuns(text: string, from: number, to = text.length): RunSearch {
  const kinds = [
    { starts: entryStarts(text, LOG_ENTRY, from, to), frames: false, next: 0 },
    { starts: entryStarts(text, STACK_FRAME, from, to), frames: true, next: 0 },
  ];
  const prose = proseSearch(text, to);
  let exhausted = false;
  return (at) => {
    if (exhausted) return null;
    let best: CodeRun | null = null;
    for (const kind of kinds) {
      const { starts, frames } = kind;
      while (kind.next < starts.length && starts[kind.next]! < at) kind.next++;
      for (let i = kind.next; i + 1 < starts.length; i++) {
        if (best && starts[i]! >= best.start) break;
        const run = [starts[i]!];
        while (run.length + i < starts.length && starts[i + run.length]! - run.at(-1)! <= MAX_ENTRY_LENGTH)
          run.push(starts[i + run.length]!);
        if (run.length < 2) continue;
        best = logRun(text, run, to, frames, prose) ?? best;
        break;
      }
    }
    exhausted = best === null;
    return best;
  };
}

/** The first log in text[from, to), one entry per line (see logRuns). */
export const findLogRun = (text: string, from: number, to = text.length): CodeRun | null =>
  logRuns(text, from, to)(from);

/** The log whose entries start at `starts` (the first may be preceded by one stray backtick). */
export function logRun(
  text: string,
  starts: number[],
  limit: number,
  frames = false,
  prose: ProseSearch = proseSearch(text, limit),
): CodeRun | null {
  const first = starts[0];
  if (first === undefined) return null;
  const end = lastEntryEnd(text, starts.at(-1)!, limit, frames, prose);
  const { lines, removed } = entryLines(text, starts, end);
  // The text before the first entry, white space trimmed, ends in one backtick (not two).
  let before = first;
  while (before > 0 && /\s/.test(text[before - 1]!)) before--;
  const stray = text[before - 1] === STRAY_BACKTICK && text[before - 2] !== STRAY_BACKTICK;
  const start = stray ? before - 1 : first;
  if (start < first) removed.unshift({ at: start, text: STRAY_BACKTICK });
  return { start, end, lang: 'log', lines, removed };
}

/** The entries of a fenced log's content (text[from, to)): one per line, or null when it has none. */
export function logEntriesIn(text: string, from: number, to: number): number[] {
  return entryStarts(text, LOG_ENTRY, from, to);
}
