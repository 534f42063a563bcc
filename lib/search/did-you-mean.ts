import { isMandatoryTerm } from './relax';
import { isMixedCase, MIN_WORD_LENGTH, type Vocabulary, type VocabularyWord } from './vocabulary';

/**
 * Did-you-mean, the pure part: each unknown word of a query corrected against the index's vocabulary
 * (`vocabulary.ts`). Whether a correction is shown is decided by running it (`did-you-mean-search.ts`).
 */

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * Typos allowed for a word of this length: one up to 5 letters (`vpm` → `vpn`), two up to 9 (`provdr` →
 * `provider`), three beyond; none below {@link MIN_WORD_LENGTH}. A little more than the engines allow, since
 * every suggestion is checked by running it.
 */
export function allowedTypos(length: number): number {
  return length < MIN_WORD_LENGTH ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/**
 * A known word this rare (posts holding it) is itself taken for a typo when a word within its typo budget is
 * {@link RARE_FACTOR} times as frequent: over many posts, common misspellings (`fitler`) occur once or twice.
 */
export const RARE_COUNT = 2;
export const RARE_FACTOR = 20;

/**
 * The closest known word to `word` within its typo budget (fewest edits, then most posts, then the first in
 * alphabetical order), among those held by at least `minCount` posts; or null.
 */
export function closestWord(word: string, vocabulary: Vocabulary, minCount = 1): string | null {
  const lower = word.toLowerCase();
  const limit = allowedTypos(lower.length);
  if (limit === 0) return null;
  let best: { key: string; entry: VocabularyWord; distance: number } | null = null;
  for (const [key, entry] of vocabulary) {
    if (entry.count < minCount || key === lower || Math.abs(key.length - lower.length) > limit) continue;
    const distance = editDistance(lower, key, limit);
    if (distance > limit) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance &&
        (entry.count > best.entry.count || (entry.count === best.entry.count && key < best.key)))
    )
      best = { key, entry, distance };
  }
  return best?.entry.form ?? null;
}

/**
 * Write a correction in the user's case: an identifier as it is written (`NEHotspotHelper`), else in capitals
 * when they typed capitals (`VPM` → `VPN`), capitalised when they capitalised (`Contnet` → `Content`), else in
 * lowercase.
 */
export function matchCase(typed: string, fix: string): string {
  if (isMixedCase(fix)) return fix;
  const lower = fix.toLowerCase();
  if (typed.length > 1 && typed === typed.toUpperCase()) return fix.toUpperCase();
  if (typed[0] !== typed[0]!.toLowerCase()) return lower.charAt(0).toUpperCase() + lower.slice(1);
  return lower;
}

/** The correction of one plain word, or null to keep it as typed. */
function correctWord(word: string, vocabulary: Vocabulary): string | null {
  // An identifier as typed (`NWConection`, `macOS`) is an API or product name, and a term the partial match never
  // drops (a symbolic error name `errsslpeerprotocolversoin`, a known API name) is a code: never rewritten.
  if (isMixedCase(word) || isMandatoryTerm(word.toLowerCase())) return null;
  const known = vocabulary.get(word.toLowerCase());
  if (known && known.count > RARE_COUNT) return null;
  const fix = closestWord(word, vocabulary, known ? known.count * RARE_FACTOR : 1);
  return fix ? matchCase(word, fix) : null;
}

/**
 * The query with each unknown plain word replaced by its closest known word, or null when nothing changes.
 * Only words of letters are corrected: operators (`api:…`), quoted phrases, exclusions (`-word`), codes and
 * anything with a digit, `.` or `_` (`-9836`, `NWProtocolTLS.Options`, `IP_RECVIF`), symbolic error names
 * (`errsslpeerprotocolversoin`) and identifiers as typed (`NWConection`) are kept; so is the spacing.
 */
export function suggestQuery(q: string, vocabulary: Vocabulary): string | null {
  let inQuote = false;
  let changed = false;
  const pieces = q.split(/(\s+)/).map((piece) => {
    const quotes = (piece.match(/"/g) ?? []).length;
    const wasInQuote = inQuote;
    if (quotes % 2 === 1) inQuote = !inQuote;
    if (wasInQuote || quotes > 0 || !/^\p{L}+$/u.test(piece)) return piece;
    const fix = correctWord(piece, vocabulary);
    if (!fix || fix === piece) return piece;
    changed = true;
    return fix;
  });
  return changed ? pieces.join('') : null;
}
