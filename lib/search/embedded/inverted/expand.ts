import { prefixWeight, typoWeight, type QueryWord } from './weights';
import { prefixRange, termId } from './index';
import type { Expansion } from './match';
import { typoMatches } from '../../typos';

/**
 * The index terms a query word matches, with their weights: the word itself (1), terms it begins (when it
 * is the last word, lower the more letters are missing), and terms within its typo budget (lower still), so
 * exact matches rank above prefix and typo matches.
 */
export function expandWord(terms: readonly string[], { word, typos, prefix }: QueryWord): Expansion[] {
  const out: Expansion[] = [];
  const seen = new Set<number>();
  const exact = termId(terms, word);
  if (exact >= 0) {
    out.push({ term: exact, weight: 1 });
    seen.add(exact);
  }
  if (prefix) {
    const [from, to] = prefixRange(terms, word);
    for (let t = from; t < to; t++) {
      if (seen.has(t)) continue;
      seen.add(t);
      out.push({ term: t, weight: prefixWeight(word, terms[t]!) });
    }
  }
  if (typos > 0) {
    for (const { term, distance } of typoMatches(terms, word, typos)) {
      if (seen.has(term)) continue;
      seen.add(term);
      out.push({ term, weight: typoWeight(terms[term]!, distance) });
    }
  }
  return out;
}

const CACHE_SIZE = 2048;

/** Recently used word expansions of one vocabulary (least recently used dropped first). */
export class ExpansionCache {
  private readonly entries = new Map<string, Expansion[]>();

  /** The cached expansion of a word, or the one `compute` gives (then cached). */
  get(word: QueryWord, compute: () => Expansion[]): Expansion[] {
    const key = `${word.typos}${word.prefix ? 'p' : 'w'}${word.word}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    if (this.entries.size >= CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}
