import { isKnownApiName } from './api-aliases';
import type { ParsedQuery } from './query';
import { queryWords } from './word-limit';

/**
 * The partial-match rule both engines share: when no post has every word of a query, its droppable words are
 * dropped group by group, in the order Meilisearch's `matchingStrategy` gives
 * (`crates/milli/src/search/new/query_graph.rs`, `removal_order_for_terms_matching_strategy_*`), and a post ranks
 * first by how few groups it needs dropped. Pure functions: the engines bring the word frequencies.
 */

/** Meilisearch's two partial strategies: drop the most frequent words first, or the last words first. */
export const MATCHING_STRATEGIES = ['frequency', 'last'] as const;
export type MatchingStrategy = (typeof MATCHING_STRATEGIES)[number];

/**
 * The strategy both engines use: `frequency`. On the natural-language quality table it ranks more threads within
 * their rank than `last`, which drops the rarest word when a sentence ends with it (see the closing note of issue
 * 12 and tests/search/natural-quality.test.ts).
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
 * The words the best hits do without: the groups dropped before the first one that finds posts, given how many
 * words the best hit lacks (Meilisearch's `words` score, `maxMatchingWords - matchingWords`): the fewest
 * first groups that hold that many words. In query order.
 */
export function droppedByCount(groups: readonly string[][], lacking: number, queryOrder: readonly string[]) {
  const dropped = new Set<string>();
  for (const group of groups) {
    if (dropped.size >= lacking) break;
    for (const word of group) dropped.add(word);
  }
  return queryOrder.filter((word) => dropped.has(word));
}
