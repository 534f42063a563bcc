import { fromMatch, SCAN } from '../posts/os-labels';
import type { OsVersion } from '../posts/schema';
import { mayStartName } from './os-name-gate';
import { RUN_END, RUN_FLAGS, RUN_SIZE, RUN_START } from './token-scanner';
import { RUN_HAS_UNDERSCORE, startKeys, type IdentifierRuns, type TokenWatch } from './token-scanner';

/**
 * OS versions named in a post (see `lib/posts/os-labels.ts` for the forms), found by trying the label pattern only
 * where a platform or device name may start.
 */

/**
 * The tokeniser keeps the runs a match may start: platform and device names by their first letters (`apple…` as
 * whole words, `app` being too common a start).
 */
export const OS_VERSION_WATCH: TokenWatch = {
  starts: ['ipa', 'iph', 'ipo', 'ios', 'mac', 'os', 'wat', 'tv', 'vis'].flatMap((p) => startKeys(p, true)),
  words: ['apple', 'applewatch', 'appletv'],
};

/**
 * OS versions named in a text, normalised, deduplicated by label, in order of first appearance, from the text's
 * runs (a scanner that watches {@link OS_VERSION_WATCH}).
 */
export function extractOsVersions(runs: IdentifierRuns): OsVersion[] {
  const byLabel = new Map<string, OsVersion>();
  const { text, data, count } = runs;
  let end = 0;
  for (let k = 0; k < count; k++) {
    const base = k * RUN_SIZE;
    const runEnd = data[base + RUN_END]!;
    if (runEnd <= end) continue;
    const underscores = (data[base + RUN_FLAGS]! & RUN_HAS_UNDERSCORE) !== 0;
    // A match starts where a letter follows no ASCII letter or digit: a run's start, or just after an underscore.
    for (let at = data[base + RUN_START]!; at < runEnd; at++) {
      if (at > data[base + RUN_START]! && (!underscores || text.charCodeAt(at - 1) !== 95)) {
        if (!underscores) break;
        continue;
      }
      if (at < end || !mayStartName(text, at)) continue;
      SCAN.lastIndex = at;
      const m = SCAN.exec(text);
      if (!m) continue;
      end = at + m[0].length;
      const os = fromMatch(m);
      if (os && !byLabel.has(os.label)) byLabel.set(os.label, os);
    }
  }
  return [...byLabel.values()];
}
