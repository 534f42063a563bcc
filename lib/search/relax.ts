import { isKnownApiName } from './api-aliases';
import type { ParsedQuery } from './query';
import { queryWords } from './word-limit';

/**
 * The partial-match rule both engines share: when no post has every word of a query, its droppable words are
 * dropped group by group, in the order Meilisearch's `matchingStrategy` gives
 * (`crates/milli/src/search/new/query_graph.rs`, `removal_order_for_terms_matching_strategy_*`); a post ranks first
 * by how many words it lacks, then by that order (`partialRanks`). Pure functions: the engines bring the word
 * frequencies.
 */

/** Meilisearch's two partial strategies: drop the most frequent words first, or the last words first. */
export const MATCHING_STRATEGIES = ['frequency', 'last'] as const;
export type MatchingStrategy = (typeof MATCHING_STRATEGIES)[number];

/**
 * The strategy both engines use: `frequency`. Partial matches rank by how many words they hold first, so the
 * strategy only orders posts that lack as many words; on the natural-language table both rank every thread
 * within its rank, `frequency` 39 of 39 first and `last` 35 (tests/search/natural-quality.test.ts): `last`
 * prefers a post that lacks the rarest word whenever a sentence ends with it.
 */
export const RELAX_STRATEGY: MatchingStrategy = 'frequency';

/** A symbolic error name: `errSSLPeerProtocolVersion`, `NEVPNErrorDomain` (query words are lowercased). */
const SYMBOLIC_CODE = /^(errssl|errsec|kcferror|ksecerr)|errordomain$/;

/**
 * Whether a query term is never dropped: an error code or number (`9836`, `0xbaadca11`, `fb17586550`, `tn3165`),
 * a symbolic error name, a known API name (`packettunnelprovider`), or an identifier Meilisearch's tokenizer cuts
 * in pieces (`ip_recvif`, `nwprotocoltls.options`, `18.3.2`), which it could not drop as one word.
 */
export function isMandatoryTerm(term: string): boolean {
  return /\d/.test(term) || SYMBOLIC_CODE.test(term) || isKnownApiName(term) || queryWords(term).length > 1;
}

/** The terms of a query the fallback may drop, in query order (phrases, codes and API names are never dropped). */
export function droppableTerms(parsed: ParsedQuery): string[] {
  return parsed.terms.filter((term) => !isMandatoryTerm(term));
}

/** Whether a query holds a part that is never dropped: a phrase or a mandatory term. */
export function hasMandatoryPart(parsed: ParsedQuery): boolean {
  return parsed.phrases.length > 0 || parsed.terms.some(isMandatoryTerm);
}

/**
 * The groups in which droppable words go, first group first: `words` in query order with `frequencies[i]` the
 * number of posts word i matches (through its typos, prefix and split forms). `frequency`: most frequent first,
 * equal frequencies together, a word that matches nothing before all; `last`: the last word first, one at a
 * time. When the query has no mandatory part the last group is never dropped (Meilisearch keeps at least one
 * word). No group for a query of one droppable word and nothing else.
 */
export function removalGroups(
  words: readonly string[],
  frequencies: readonly number[],
  mandatory: boolean,
  strategy: MatchingStrategy = RELAX_STRATEGY,
): string[][] {
  let groups: string[][];
  if (strategy === 'last') groups = words.map((word) => [word]).reverse();
  else {
    const byFrequency = new Map<number, string[]>();
    words.forEach((word, i) => {
      const f = frequencies[i] === 0 ? Number.MAX_SAFE_INTEGER : (frequencies[i] ?? 0);
      byFrequency.set(f, [...(byFrequency.get(f) ?? []), word]);
    });
    groups = [...byFrequency].sort((a, b) => b[0] - a[0]).map(([, group]) => group);
  }
  return mandatory ? groups : groups.slice(0, -1);
}

/**
 * The rank of a partial match per set of droppable words it holds (`ranks[mask]`, bit i for `words[i]`; lower
 * first): fewest words lacking first (the "ranked first by how many query words they match"); among equal
 * counts, the frequency rule: the set lacking fewer words of the rarest group it touches first, then of the next
 * rarer group, and so on (a post that lacks only frequent words before one that lacks a rare word). A word of no
 * group (the last one, kept when nothing is mandatory) counts as rarer than every group, so a tie among the
 * rarest words, which Meilisearch keeps all together, still ranks the posts that hold some of them. Null
 * without droppable words.
 */
export function partialRanks(words: readonly string[], groups: readonly string[][]): Uint16Array | null {
  if (words.length === 0) return null;
  const groupOf = words.map((word) => {
    const g = groups.findIndex((group) => group.includes(word));
    return g < 0 ? groups.length : g;
  });
  // Lacking words per group as the digits of one number, rarest group highest (at most 15 words: exact).
  const base = words.length + 1;
  const masks = Array.from({ length: 1 << words.length }, (_, mask) => {
    let lacking = 0;
    let rarity = 0;
    groupOf.forEach((g, w) => {
      if (mask & (1 << w)) return;
      lacking++;
      rarity += base ** g;
    });
    return { mask, lacking, rarity };
  });
  masks.sort((a, b) => a.lacking - b.lacking || a.rarity - b.rarity);
  const ranks = new Uint16Array(masks.length);
  let rank = 0;
  masks.forEach((m, i) => {
    const prev = masks[i - 1];
    if (prev && (prev.lacking !== m.lacking || prev.rarity !== m.rarity)) rank++;
    ranks[m.mask] = rank;
  });
  return ranks;
}
