/**
 * Parse a forum count as the forum writes it: `3`, `1,234`, `3.3k`, `12K`, `1.2M`.
 * Returns null for anything else.
 */
export function parseCount(text: string): number | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kKmM])?$/.exec(text.trim());
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/g, ''));
  const unit = m[2]?.toLowerCase();
  if (!unit && !Number.isInteger(value)) return null;
  const scaled = unit === 'k' ? value * 1_000 : unit === 'm' ? value * 1_000_000 : value;
  return Number.isSafeInteger(Math.round(scaled)) ? Math.round(scaled) : null;
}
