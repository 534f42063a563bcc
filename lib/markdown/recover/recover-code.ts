import { findCFamilyRun } from './c-family-run';
import { findFencedRun } from './fenced-run';
import { findJsonRun } from './json-layout';
import { findLogRun } from './log-layout';
import { findSwiftRun } from './swift-run';
import type { CodeRun, Removal, Segment } from './segment';

/** A body split into prose and recovered code, with the fence markers and stray backticks dropped. */
export type RecoveredBody = { segments: Segment[]; removed: Removal[] };

/**
 * Find the code, log and JSON runs the forum flattened into one line, and lay each out as lines: fenced
 * blocks (markers dropped), Swift declarations with balanced braces, Objective-C and C (a method, function or
 * struct with its body, an `@interface … @end`, or two statements in a row), logs of timestamped entries or
 * stack frames, JSON objects. Everything else stays prose, character for character.
 */
export function recoverCode(body: string): RecoveredBody {
  const segments: Segment[] = [];
  const removed: Removal[] = [];
  let at = 0;
  while (at < body.length) {
    const fence = findFencedRun(body, at);
    const limit = fence?.start ?? body.length;
    // At the same start, C wins over Swift: `typedef struct x { … } y;` is C, and no Swift run ends in a `;`.
    const runs = [
      findCFamilyRun(body, at, limit),
      findSwiftRun(body, at, limit),
      findLogRun(body, at, limit),
      findJsonRun(body, at, limit),
    ];
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
