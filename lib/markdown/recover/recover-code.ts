import { cFamilyRuns } from './c-family-run';
import { findFencedRun } from './fenced-run';
import { jsonRuns } from './json-layout';
import { logRuns } from './log-layout';
import { plistRuns } from './plist-layout';
import { swiftRuns } from './swift-run';
import type { CodeRun, Removal, RunSearch, Segment } from './segment';

type Runs = (text: string, from: number, to: number) => RunSearch;

/**
 * The runs of one kind in the body between two fences, read once (see RunSearch): a search is made again only
 * when the run found last has been passed (or none was found), and the text is read again only past a fence.
 */
function runsOf(runs: Runs) {
  let reading: { to: number; search: RunSearch; run: CodeRun | null } | null = null;
  return (text: string, at: number, to: number): CodeRun | null => {
    if (!reading || reading.to !== to) {
      const search = runs(text, at, to);
      reading = { to, search, run: search(at) };
    } else if (!reading.run || reading.run.start < at) reading.run = reading.search(at);
    return reading.run;
  };
}

/** A body split into prose and recovered code, with the fence markers and stray backticks dropped. */
export type RecoveredBody = { segments: Segment[]; removed: Removal[] };

/**
 * Find the code, log and JSON runs the forum flattened into one line, and lay each out as lines: fenced
 * blocks (markers dropped), Swift declarations with balanced braces, Objective-C and C (a method, function or
 * struct with its body, an `@interface … @end`, or two statements in a row), logs of timestamped entries or
 * stack frames, JSON objects, property lists and XML documents (see plist-layout.ts). Everything else stays prose, character for character.
 */
export function recoverCode(body: string): RecoveredBody {
  const segments: Segment[] = [];
  const removed: Removal[] = [];
  // At the same start, C wins over Swift: `typedef struct x { … } y;` is C, and no Swift run ends in a `;`.
  const finders = [cFamilyRuns, swiftRuns, logRuns, jsonRuns, plistRuns].map(runsOf);
  let at = 0;
  // The next fence: found again only once passed (with none from `at`, there is none further on either).
  let fence: CodeRun | null | undefined;
  while (at < body.length) {
    if (fence === undefined || (fence && fence.start < at)) fence = findFencedRun(body, at);
    const limit = fence?.start ?? body.length;
    const runs = finders.map((find) => find(body, at, limit));
    const run = [...runs, fence]
      .filter((r): r is CodeRun => r !== null && r.lines.length > 0)
      .sort((a, b) => a.start - b.start)[0];
    if (!run) break;
    const prose = body.slice(at, run.start);
    if (prose.trim()) segments.push({ kind: 'text', text: prose.trim() });
    segments.push({ kind: 'code', lang: run.lang, lines: run.lines });
    removed.push(...run.removed);
    at = run.end;
  }
  const rest = body.slice(at);
  if (rest.trim()) segments.push({ kind: 'text', text: rest.trim() });
  return { segments, removed };
}
