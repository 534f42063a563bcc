import { API_WORD_ALIASES, KNOWN_API_SYMBOLS } from '../enrich/api-symbols';

/** Framework prefixes that posts often leave out: `PacketTunnelProvider` for `NEPacketTunnelProvider`. */
const PREFIXES = ['NE', 'NW', 'OS', 'BG', 'CN', 'SC', 'CF', 'NS', 'UI', 'CX', 'PK', 'Sec', 'sec_', 'nw_'];

/** The forms a user may type for an API name: the name itself, and the name without its framework prefix. */
export function apiAliases(api: string): string[] {
  const out = [api];
  for (const prefix of PREFIXES) {
    if (api.startsWith(prefix) && api.length > prefix.length + 2) {
      const rest = api.slice(prefix.length);
      if (/^[A-Z]/.test(rest) || prefix.endsWith('_')) out.push(rest);
    }
  }
  return out;
}

/** Every name a user may type for a known API, lowercased, to its canonical spelling (first claim wins). */
const CANONICAL_BY_LOWER: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const symbol of KNOWN_API_SYMBOLS) map.set(symbol.toLowerCase(), symbol);
  for (const [alias, target] of Object.entries(API_WORD_ALIASES))
    if (!map.has(alias.toLowerCase())) map.set(alias.toLowerCase(), target);
  for (const symbol of KNOWN_API_SYMBOLS)
    for (const alias of apiAliases(symbol).slice(1))
      if (!map.has(alias.toLowerCase())) map.set(alias.toLowerCase(), symbol);
  return map;
})();

/**
 * The canonical name of an API as a filter value (`api:` and `api=`): any case, with or without its framework
 * prefix, as plain search accepts it (`packettunnelprovider` → `NEPacketTunnelProvider`); other names as typed.
 */
export function canonicalApiName(name: string): string {
  const trimmed = name.trim();
  return CANONICAL_BY_LOWER.get(trimmed.toLowerCase()) ?? trimmed;
}

/**
 * Lowercased names that surely name an API: every known symbol, and its aliases that are still compound words
 * (`packettunnelprovider`; never `connection` from `NWConnection`, an everyday word).
 */
const API_NAMES: ReadonlySet<string> = new Set(
  [...KNOWN_API_SYMBOLS, ...Object.keys(API_WORD_ALIASES)]
    .flatMap((symbol) => apiAliases(symbol).filter((alias, i) => i === 0 || /[a-z][A-Z]/.test(alias)))
    .map((name) => name.toLowerCase()),
);

/** Whether a lowercased query word names a known API (any case, with or without its framework prefix). */
export function isKnownApiName(word: string): boolean {
  return API_NAMES.has(word.trim().toLowerCase());
}
