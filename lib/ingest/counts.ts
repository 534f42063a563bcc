const COUNT = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kKmM])?$/;

/** A char code of an ASCII digit (NaN, past the end of a string, is not). */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Parse a forum count as the forum writes it: `3`, `1,234`, `3.3k`, `12K`, `1.2M`.
 * Returns null for anything else.
 */
export function parseCount(text: string): number | null {
  const t = text.trim();
  // Every count starts with a digit: most lines tried (titles, labels) fail here, before the pattern.
  if (!isDigit(t.charCodeAt(0))) return null;
  const m = COUNT.exec(t);
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/g, ''));
  const unit = m[2]?.toLowerCase();
  if (!unit && !Number.isInteger(value)) return null;
  const scaled = unit === 'k' ? value * 1_000 : unit === 'm' ? value * 1_000_000 : value;
  return Number.isSafeInteger(Math.round(scaled)) ? Math.round(scaled) : null;
}
