import { docFrequency, postingOf, termId, type InvertedIndex } from './index';
import type { Expansion, PairPostings } from './match';
import { TYPO_WEIGHT } from './weights';

/**
 * Split and joined words, as Meilisearch reads them (`crates/milli/src/search/new/query_term/`): a query word
 * may also be two adjacent words of a post (`createudpsessiontoendpoint` ↔ `create UDPSessionToEndpoint`, `wifi`
 * ↔ `Wi-Fi`: its `split_best_frequency`, derived for every word, one the index holds too), and two adjacent query
 * words may be one word of a post (`packet tunnel` ↔ `packettunnel`, its 2-word ngrams). Both weigh as a one-typo
 * match, below exact ones.
 */

/** What a split or joined match weighs against an exact one (Meilisearch ranks a split as one typo). */
export const SPLIT_JOIN_WEIGHT = TYPO_WEIGHT;

/** Docs holding both halves of a split that are read to check the halves stand side by side; more: no split. */
export const SPLIT_CHECK_LIMIT = 2000;

/**
 * The split of a word into two index terms (each at least two letters) whose rarer half is the most frequent:
 * the split most likely to stand side by side (Meilisearch counts adjacent pairs; our index has no positions,
 * so the pair is then checked in the text). Null when no split has both halves in the index.
 */
export function bestSplit(index: InvertedIndex, word: string): { left: number; right: number } | null {
  let best: { left: number; right: number; score: number } | null = null;
  for (let i = 2; i <= word.length - 2; i++) {
    const left = termId(index.terms, word.slice(0, i));
    if (left < 0) continue;
    const right = termId(index.terms, word.slice(i));
    if (right < 0) continue;
    const score = Math.min(docFrequency(index, left), docFrequency(index, right));
    if (!best || score > best.score) best = { left, right, score };
  }
  return best && { left: best.left, right: best.right };
}

/**
 * The pair postings of a split: the docs that hold both halves, kept where `adjacent(doc)` says they stand side by
 * side, each scored as the sum of the halves' impacts. Null when more than {@link SPLIT_CHECK_LIMIT} docs hold both
 * (the text check would cost more than the split is worth) or none has them side by side.
 */
export function pairPostings(
  index: InvertedIndex,
  left: number,
  right: number,
  adjacent: (doc: number) => boolean,
): PairPostings | null {
  const { start, docs, impacts, scales } = index;
  const [small, other] =
    docFrequency(index, left) <= docFrequency(index, right) ? [left, right] : [right, left];
  const both: Array<{ doc: number; impact: number }> = [];
  for (let p = start[small]!, end = start[small + 1]!; p < end; p++) {
    const doc = docs[p]!;
    const q = postingOf(index, other, doc);
    if (q < 0) continue;
    if (both.length === SPLIT_CHECK_LIMIT) return null;
    both.push({ doc, impact: impacts[p]! * scales[small]! + impacts[q]! * scales[other]! });
  }
  const kept = both.filter(({ doc }) => adjacent(doc));
  if (kept.length === 0) return null;
  return {
    right,
    docs: Uint32Array.from(kept, (k) => k.doc),
    impacts: Float32Array.from(kept, (k) => k.impact),
  };
}

/**
 * The split expansion of a word (of four letters or more), or none: also of a word the index holds, as Meilisearch
 * derives it for every word (`wifi` then matches the posts that write `Wi-Fi` only, below those writing `wifi`).
 */
export function splitExpansion(
  index: InvertedIndex,
  word: string,
  adjacentIn: (doc: number, left: string, right: string) => boolean,
): Expansion[] {
  if (word.length < 4) return [];
  const split = bestSplit(index, word);
  if (!split) return [];
  const [l, r] = [index.terms[split.left]!, index.terms[split.right]!];
  const pair = pairPostings(index, split.left, split.right, (doc) => adjacentIn(doc, l, r));
  return pair ? [{ term: split.left, weight: SPLIT_JOIN_WEIGHT, pair }] : [];
}

/**
 * Each word's expansions with the joins of adjacent query terms added (`terms[i] + terms[i + 1]` when the index
 * holds it, to both words): new arrays, the inputs (cached) left as they are. `words[i]` expands `terms[i]` for
 * i below `terms.length`.
 */
export function withJoins(
  index: InvertedIndex,
  terms: readonly string[],
  words: readonly Expansion[][],
): Expansion[][] {
  let out: Expansion[][] | undefined;
  for (let i = 0; i + 1 < terms.length; i++) {
    const joined = termId(index.terms, terms[i]! + terms[i + 1]!);
    if (joined < 0) continue;
    out ??= words.map((w) => [...w]);
    for (const k of [i, i + 1]) {
      if (!out[k]!.some((e) => e.term === joined && !e.pair))
        out[k]!.push({ term: joined, weight: SPLIT_JOIN_WEIGHT });
    }
  }
  return out ?? (words as Expansion[][]);
}
