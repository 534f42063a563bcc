import { isDigit } from './counts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_MS = 86_400_000;
const RELATIVE_UNIT_MS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  d: DAY_MS,
  w: 7 * DAY_MS,
  mo: 30 * DAY_MS,
  y: 365 * DAY_MS,
  yr: 365 * DAY_MS,
};

/** `yesterday`: the longest activity with no digit first or last (the others are `now` and `just now`). */
const LONGEST_WORD = 9;

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;

/**
 * Parse the forum's activity column into a `YYYY-MM` month:
 * `May ’25` / `May '25` / `May 2025` (absolute), `2025-05-01` (ISO), or relative to `asOf`:
 * `now`, `just now`, `yesterday`, `5h`, `3d`, `2w`, `10m`, `1mo`, `1y`, optionally followed by `ago`.
 * Returns undefined when the text is not an activity value.
 */
export function parseActivity(text: string, asOf: Date): string | undefined {
  const trimmed = text.trim();
  // Only the words start and end with no digit (case mapping never turns a longer text into one of them).
  const digitFirstOrLast = isDigit(trimmed.charCodeAt(0)) || isDigit(trimmed.charCodeAt(trimmed.length - 1));
  if (!digitFirstOrLast && trimmed.length > LONGEST_WORD) return undefined;
  const t = trimmed.toLowerCase();
  const month = /^([a-z]{3})[a-z]*\.?\s+(?:[’'‘`]?(\d{2})|(\d{4}))$/.exec(t);
  if (month) {
    const index = MONTHS.indexOf(month[1]!);
    if (index === -1) return undefined;
    const year = month[3] ? Number(month[3]) : 2000 + Number(month[2]);
    return `${year}-${pad(index + 1)}`;
  }
  const iso = /^(\d{4})-(\d{2})(?:-\d{2})?(?:[t ][\d:.]+z?)?$/.exec(t);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return `${iso[1]}-${iso[2]}`;
  if (t === 'now' || t === 'just now') return monthOf(asOf);
  if (t === 'yesterday') return monthOf(new Date(asOf.getTime() - DAY_MS));
  const rel = /^(\d{1,4})\s*(s|sec|m|min|h|hr|d|w|mo|y|yr)s?(?:\s+ago)?$/.exec(t);
  if (rel) {
    const ms = Number(rel[1]) * RELATIVE_UNIT_MS[rel[2]!]!;
    return monthOf(new Date(asOf.getTime() - ms));
  }
  return undefined;
}
