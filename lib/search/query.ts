import { FACETS, type FacetName } from './types';
import { queryTokens } from './tokenize';

/**
 * A user's query split into what engines act on.
 * - `terms`: words that must all match (lowercased tokens);
 * - `phrases`: `"exact phrase"` groups, each a list of tokens that must appear in order;
 * - `excludes`: words after an explicit `-` (never a number: `-9836` is a search for 9836);
 * - `excludedPhrases`: `-"two words"`: posts holding those words in that order are left out;
 * - `operators`: `api:NWConnection`, `os:"iOS 18"`, `code:-9836`, `topic:dns`, `forum:"Network Extension"`, as
 *   facet filters;
 * - `after`/`before`: `after:2025-05` (from May 2025 on), `before:2026-01` (up to December 2025), activity months.
 */
export type ParsedQuery = {
  terms: string[];
  phrases: string[][];
  excludes: string[];
  excludedPhrases: string[][];
  operators: Record<FacetName, string[]>;
  /** `YYYY-MM`: activity from this month on (`after:2025-05`; `after:2025` is from January). */
  after?: string;
  /** The query ends with a space: its last word is whole, no prefix (as Meilisearch's parse_query.rs reads it). */
  noPrefix?: true;
  /** `YYYY-MM`: activity before this month (`before:2026-01`; `before:2026` is before January 2026). */
  before?: string;
};

/** `2025-05` or `2025` as a `YYYY-MM` month (a year alone is its January), else undefined. */
export function monthOperand(value: string): string | undefined {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(value.trim());
  return m ? `${m[1]}-${m[2] ?? '01'}` : undefined;
}

/** The facet operators' names as a regex alternation: `topic|api|os|code|forum`. */
const FACET_OPERATORS = FACETS.join('|');
const OPERATOR = new RegExp(`^(${FACET_OPERATORS}):(.*)$`, 'i');

/** Split a query into quoted runs and bare words, keeping `op:"quoted value"` together. */
function lex(q: string): Array<{ text: string; quoted: boolean; negated?: boolean; op?: string }> {
  const out: Array<{ text: string; quoted: boolean; negated?: boolean; op?: string }> = [];
  const re = new RegExp(`(-?)(?:(${FACET_OPERATORS}):)?"([^"]*)"?|(\\S+)`, 'gi');
  for (const m of q.matchAll(re)) {
    if (m[3] !== undefined) {
      const op = m[2]?.toLowerCase();
      const negated = m[1] === '-' && !op;
      out.push({ text: m[3], quoted: true, ...(negated ? { negated } : {}), ...(op ? { op } : {}) });
    } else if (m[4] !== undefined) {
      out.push({ text: m[4], quoted: false });
    }
  }
  return out;
}

/** Parse a query string; never throws. */
export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = {
    terms: [],
    phrases: [],
    excludes: [],
    excludedPhrases: [],
    operators: Object.fromEntries(FACETS.map((f) => [f, [] as string[]])) as Record<FacetName, string[]>,
  };
  for (const piece of lex(q.slice(0, 1000))) {
    if (piece.op) {
      const value = piece.text.trim();
      if (value) parsed.operators[piece.op as FacetName].push(value);
      continue;
    }
    if (piece.negated) {
      // `-"per app"` excludes the phrase; `-"proxy"`, one word, excludes the word.
      const tokens = queryTokens(piece.text);
      if (tokens.length > 1) parsed.excludedPhrases.push(tokens);
      else if (tokens.length === 1) parsed.excludes.push(tokens[0]!);
      continue;
    }
    if (piece.quoted) {
      const tokens = queryTokens(piece.text);
      if (tokens.length > 1) parsed.phrases.push(tokens);
      else if (tokens.length === 1) parsed.terms.push(tokens[0]!);
      continue;
    }
    const date = /^(after|before):(.*)$/i.exec(piece.text);
    const month = date ? monthOperand(date[2]!) : undefined;
    if (date && month) {
      parsed[date[1]!.toLowerCase() as 'after' | 'before'] = month;
      continue;
    }
    const op = OPERATOR.exec(piece.text);
    if (op) {
      const value = op[2]!.trim();
      if (value) parsed.operators[op[1]!.toLowerCase() as FacetName].push(value);
      continue;
    }
    // An explicit exclusion: `-word`, never `-9836` or `-0x…` (those are error codes).
    if (/^-[\p{L}_]/u.test(piece.text) && !/^-0x/i.test(piece.text)) {
      parsed.excludes.push(...queryTokens(piece.text.slice(1)));
      continue;
    }
    parsed.terms.push(...queryTokens(piece.text));
  }
  parsed.terms = [...new Set(parsed.terms)];
  if (/\s$/.test(q)) parsed.noPrefix = true;
  parsed.excludes = [...new Set(parsed.excludes)];
  return parsed;
}
