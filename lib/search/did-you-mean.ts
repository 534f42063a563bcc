import { isMandatoryTerm } from './relax';
import { typoMatches } from './typos';
import { isMixedCase, MIN_WORD_LENGTH, type Vocabulary, type VocabularyWord } from './vocabulary';

/**
 * Did-you-mean, the pure part: each unknown word of a query corrected against the index's vocabulary
 * (`vocabulary.ts`). Whether a correction is shown is decided by running it (`did-you-mean-search.ts`).
 */

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

/** The terms of a vocabulary in sorted order (UTF-16 code units), as the typo walk needs them. */
export function sortedTerms(vocabulary: Vocabulary): string[] {
  const terms = Array.from(vocabulary.keys());
  for (let i = 1; i < terms.length; i++) if (terms[i - 1]! > terms[i]!) return terms.sort();
  return terms;
}

/**
 * The closest known word to `word` within its typo budget (fewest edits, then most posts, then the first in
 * alphabetical order), among those held by at least `minCount` posts; or null. `terms` is the vocabulary's
 * {@link sortedTerms}, walked as a trie (`typos.ts`).
 */
export function closestWord(
  word: string,
  vocabulary: Vocabulary,
  minCount = 1,
  terms: readonly string[] = sortedTerms(vocabulary),
): string | null {
  const lower = word.toLowerCase();
  const limit = allowedTypos(lower.length);
  if (limit === 0) return null;
  let best: { key: string; entry: VocabularyWord; distance: number } | null = null;
  for (const { term, distance } of typoMatches(terms, lower, limit)) {
    const key = terms[term]!;
    const entry = vocabulary.get(key);
    if (!entry || entry.count < minCount || key === lower) continue;
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
function correctWord(word: string, vocabulary: Vocabulary, terms: () => readonly string[]): string | null {
  // An identifier as typed (`NWConection`, `macOS`) is an API or product name, and a term the partial match never
  // drops (a symbolic error name `errsslpeerprotocolversoin`, a known API name) is a code: never rewritten.
  if (isMixedCase(word) || isMandatoryTerm(word.toLowerCase())) return null;
  const known = vocabulary.get(word.toLowerCase());
  if (known && known.count > RARE_COUNT) return null;
  const fix = closestWord(word, vocabulary, known ? known.count * RARE_FACTOR : 1, terms());
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
  let sorted: string[] | undefined;
  const terms = () => (sorted ??= sortedTerms(vocabulary));
  const pieces = q.split(/(\s+)/).map((piece) => {
    const quotes = (piece.match(/"/g) ?? []).length;
    const wasInQuote = inQuote;
    if (quotes % 2 === 1) inQuote = !inQuote;
    if (wasInQuote || quotes > 0 || !/^\p{L}+$/u.test(piece)) return piece;
    const fix = correctWord(piece, vocabulary, terms);
    if (!fix || fix === piece) return piece;
    changed = true;
    return fix;
  });
  return changed ? pieces.join('') : null;
}
