/** Words the index knows, keyed by lowercase form: how to write each and how often it occurs. */
export type Vocabulary = ReadonlyMap<string, { form: string; count: number }>;

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
