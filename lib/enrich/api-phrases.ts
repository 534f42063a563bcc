import { API_PHRASE_ALIASES } from './api-symbols';
import { lowerHash } from './token-scanner';
import { isRunChar } from '../text/char-classes';

/**
 * The spaced phrases of `API_PHRASE_ALIASES` (`packet tunnel provider` → `NEPacketTunnelProvider`), matched as
 * `/(?<![A-Za-z0-9_])(phrase1|phrase2|…)s?(?![A-Za-z0-9_])/gi` would, longest phrase first, with words separated
 * by spaces only; but tried only at identifier runs whose lowercase form is a phrase's first word.
 */

type Phrase = { words: string[]; symbol: string };

/** Phrases by the hash of their lowercase first word (one-word phrases also by their plural), longest first. */
const PHRASES_BY_FIRST = new Map<number, Phrase[]>();
for (const phrase of Object.keys(API_PHRASE_ALIASES).sort((a, b) => b.length - a.length)) {
  const words = phrase.split(' ');
  for (const key of words.length === 1 ? [words[0]!, `${words[0]!}s`] : [words[0]!]) {
    const list = PHRASES_BY_FIRST.get(lowerHash(key)) ?? [];
    list.push({ words, symbol: API_PHRASE_ALIASES[phrase]! });
    PHRASES_BY_FIRST.set(lowerHash(key), list);
  }
}

/** The first words of the phrases (and plurals of one-word phrases), for the tokeniser's watch list. */
export const PHRASE_FIRST_WORDS: readonly string[] = Object.keys(API_PHRASE_ALIASES).flatMap((phrase) => {
  const words = phrase.split(' ');
  return words.length === 1 ? [words[0]!, `${words[0]!}s`] : [words[0]!];
});

/** The end of `word` (lowercase) written at `at` in any case, or -1. */
function wordAt(text: string, at: number, word: string): number {
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(at + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(i)) return -1;
  }
  return at + word.length;
}

/** The end of one phrase written from `at`, or -1. */
function phraseEnd(text: string, at: number, words: readonly string[]): number {
  let i = at;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      if (text.charCodeAt(i) !== 32) return -1;
      while (text.charCodeAt(i) === 32) i++;
    }
    i = wordAt(text, i, words[w]!);
    if (i < 0) return -1;
  }
  const next = text.charCodeAt(i);
  if ((next === 115 || next === 83) && !isRunChar(text.charCodeAt(i + 1))) return i + 1;
  return isRunChar(next) ? -1 : i;
}

/**
 * The phrase alias written at the start of the identifier run [at, runEnd) whose lowercase hash is `hash`, with
 * the end of its match; null when none.
 */
export function phraseAt(
  text: string,
  at: number,
  runEnd: number,
  hash: number,
): { symbol: string; end: number } | null {
  const candidates = PHRASES_BY_FIRST.get(hash);
  if (!candidates) return null;
  for (const { words, symbol } of candidates) {
    // The first word is the whole run (a one-word phrase may add its plural `s`).
    const firstEnd = wordAt(text, at, words[0]!);
    if (firstEnd !== runEnd && !(words.length === 1 && firstEnd + 1 === runEnd)) continue;
    const end = phraseEnd(text, at, words);
    if (end >= 0) return { symbol, end };
  }
  return null;
}
