const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-05` → `May 2025`; null → `unknown`. */
export function formatMonth(month: string | null): string {
  if (!month) return 'unknown';
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${year}`;
}

/** A count with thousands separators: `12345` → `12,345`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 reply`, `3 replies`: a count with its noun, singular or plural. */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The first `max` characters of a text at a word boundary, with `…` when cut; whitespace collapsed. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
