import { editDistance } from '@/lib/text/edit-distance';

export { editDistance };

/** Words the index knows, keyed by lowercase form: how to write each and how often it occurs. */
export type Vocabulary = ReadonlyMap<string, { form: string; count: number }>;

/**
 * Typos allowed for a word of this length: none below 4 letters, one up to 6, two up to 9, three beyond —
 * a little more than the engines allow, since every suggestion is checked by running it.
 */
function allowedTypos(length: number): number {
  return length < 4 ? 0 : length <= 6 ? 1 : length <= 9 ? 2 : 3;
}

/** The closest known word to `word` within its typo budget (fewest edits, then most frequent), or null. */
export function closestWord(word: string, vocabulary: Vocabulary): string | null {
  const lower = word.toLowerCase();
  const limit = allowedTypos(lower.length);
  if (limit === 0) return null;
  let best: { form: string; distance: number; count: number } | null = null;
  for (const [key, entry] of vocabulary) {
    if (Math.abs(key.length - lower.length) > limit) continue;
    const distance = editDistance(lower, key, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && entry.count > best.count)) {
      best = { form: entry.form, distance, count: entry.count };
    }
  }
  return best?.form ?? null;
}

/** Write a correction in the user's style: lowercase when they typed lowercase, unless it is a camelCase identifier. */
function matchCase(typed: string, fix: string): string {
  const identifier = /[A-Z]/.test(fix.slice(1));
  return !identifier && typed === typed.toLowerCase() ? fix.toLowerCase() : fix;
}

/**
 * The query with each unknown plain word replaced by its closest known word, or null when nothing changes.
 * Operators (`api:…`), quoted phrases, exclusions and anything with digits are kept as typed.
 */
export function suggestQuery(q: string, vocabulary: Vocabulary): string | null {
  let inQuote = false;
  let changed = false;
  const pieces = q.split(/(\s+)/).map((piece) => {
    const quotes = (piece.match(/"/g) ?? []).length;
    const wasInQuote = inQuote;
    if (quotes % 2 === 1) inQuote = !inQuote;
    if (wasInQuote || quotes > 0 || !/^[\p{L}_]+$/u.test(piece)) return piece;
    if (vocabulary.has(piece.toLowerCase())) return piece;
    const fix = closestWord(piece, vocabulary);
    if (!fix) return piece;
    changed = true;
    return matchCase(piece, fix);
  });
  return changed ? pieces.join('') : null;
}
