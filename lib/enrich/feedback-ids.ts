import {
  RUN_END,
  RUN_FLAGS,
  RUN_HAS_UNDERSCORE,
  RUN_SIZE,
  RUN_START,
  type IdentifierRuns,
} from './token-scanner';

/**
 * A feedback id, `FB17586550`, where no ASCII letter or digit comes before it: `/(?<![A-Za-z0-9])FB(\d{7,9})(?!\d)/gi`
 * without its look-behind, tried only at a run's start or just after an underscore in it.
 */
const FEEDBACK_AT = /FB(\d{7,9})(?!\d)/iy;

/**
 * Feedback Assistant ids of a text, uppercase, deduplicated, in order, from its identifier runs: an id lies
 * inside one run of nine or more characters and starts it or follows an `_` in it, and the scanner keeps every
 * such run (its shape: nine characters from `f`/`F`, or an `_`).
 */
export function feedbackIds(runs: IdentifierRuns): string[] {
  const { text, data, count } = runs;
  let ids: Set<string> | null = null;
  for (let k = 0; k < count; k++) {
    const base = k * RUN_SIZE;
    const start = data[base + RUN_START]!;
    const end = data[base + RUN_END]!;
    if (end - start < 9) continue;
    const underscores = (data[base + RUN_FLAGS]! & RUN_HAS_UNDERSCORE) !== 0;
    for (let at = start; at <= end - 9; at++) {
      if (at > start) {
        if (!underscores) break;
        if (text.charCodeAt(at - 1) !== 95) continue;
      }
      if ((text.charCodeAt(at) | 32) !== 102) continue;
      FEEDBACK_AT.lastIndex = at;
      const m = FEEDBACK_AT.exec(text);
      if (m) (ids ??= new Set()).add(`FB${m[1]}`);
    }
  }
  return ids ? [...ids] : [];
}
