import type { Topic } from '../catalog/topics';
import { RUN_END, RUN_FLAGS, RUN_HASH, RUN_SIZE, RUN_START, RUN_WORD } from './token-scanner';
import { lowerHash, RUN_HAS_UNDERSCORE, type IdentifierRuns, type TokenWatch } from './token-scanner';
import { ASCII_ALNUM, ASCII_LOWER, isRunChar, isWhiteSpace } from '../text/char-classes';
import { letterOrNumberBefore, letterOrNumberLength } from '../text/char-classes';

/**
 * Topic keyword matching without regular expressions, on the identifier runs of a post. It finds exactly what
 * one sticky `/(?:kw1|kw2|…)(?![\p{L}\p{N}])/iuy` per first character finds when tried at each word start
 * (a word being a run of `[\p{L}\p{N}]`), longest keyword first: in a keyword, spaces and hyphens become optional
 * runs of `[\s\-_]`, a plural `s`/`es` may follow, a trailing `*` matches by prefix. Candidates for a word start
 * come from a table keyed by its first two characters, so a word is compared with a handful of keywords at most.
 */

/**
 * One keyword, compiled: its character codes with SEPARATOR between words, the topics that list it, and the
 * character that must follow the first two in the text (-1 when separators may come first or the keyword ends).
 */
type Compiled = {
  id: number;
  codes: Int32Array;
  prefix: boolean;
  topics: number[];
  third: number;
  fourth: number;
  /** For a single plain word (`vpn`): the lowercase hashes of the only runs it matches (`vpn`, `vpns`, `vpnes`). */
  wholeRuns: readonly number[] | null;
  /** For several words: the length of the first and the first character of the second (else -1). */
  firstLength: number;
  secondStart: number;
};

/** The keywords of a taxonomy, indexed for matching; null `table` when a keyword needs the regex path. */
export type KeywordIndex = {
  /** Keywords in matching order (longest first); `id` indexes this array. */
  keywords: string[];
  /** Per keyword id, the indexes of the topics that list it. */
  owners: number[][];
  /** Candidates by `first * 128 + second` lowercase character (ASCII), in matching order. */
  table: Array<Compiled[] | undefined> | null;
  /** Candidates by first character when the second is no ASCII character (or the text ends). */
  loose: Array<Compiled[] | undefined>;
  /** What the token scanner must keep: the runs a keyword may start at. */
  watch: TokenWatch;
};

/** Per-segment keyword hits: how often each keyword id matched, and the ids in order of first match. */
export type KeywordHits = { counts: Int32Array; order: number[] };

const SEPARATOR = -1;

/** `[\s\-_]`: JavaScript white space, hyphen, underscore. */
function isSeparator(c: number): boolean {
  return c === 45 || c === 95 || isWhiteSpace(c);
}

/** A text character as case-insensitive Unicode matching compares it with an ASCII keyword character. */
function fold(c: number): number {
  if (c < 128) return ASCII_LOWER[c]!;
  return c === 0x17f ? 115 : c === 0x212a ? 107 : c;
}

/** The words of a keyword as the matcher splits them (lowercase, on white space and hyphens) and its `*`. */
function keywordWords(keyword: string): { words: string[]; prefix: boolean } {
  const prefix = keyword.endsWith('*');
  const words = (prefix ? keyword.slice(0, -1) : keyword)
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  return { words, prefix };
}

/** The sort order of keywords within one first character: longest first, then alphabetical. */
function byMatchingOrder(a: string, b: string): number {
  return b.length - a.length || a.localeCompare(b, 'en');
}

/** Build the keyword index of a taxonomy (once per taxonomy: the topic classifier keeps it). */
export function buildKeywordIndex(topics: readonly Topic[]): KeywordIndex {
  const ownersByKeyword = new Map<string, number[]>();
  topics.forEach((topic, i) => {
    for (const keyword of new Set(topic.keywords))
      ownersByKeyword.set(keyword, [...(ownersByKeyword.get(keyword) ?? []), i]);
  });
  const keywords = [...ownersByKeyword.keys()].sort(byMatchingOrder);
  const owners = keywords.map((k) => ownersByKeyword.get(k)!);
  const table: Array<Compiled[] | undefined> = new Array<Compiled[] | undefined>(128 * 128);
  const loose: Array<Compiled[] | undefined> = new Array<Compiled[] | undefined>(128);
  let fast = true;
  keywords.forEach((keyword, id) => {
    const { words, prefix } = keywordWords(keyword);
    const codes: number[] = [];
    words.forEach((word, w) => {
      if (w > 0) {
        codes.push(SEPARATOR);
        if (isSeparator(word.charCodeAt(0))) fast = false;
      }
      for (let i = 0; i < word.length; i++) codes.push(word.charCodeAt(i));
    });
    if (codes.some((c) => c >= 128) || words.length === 0) fast = false;
    const first = keyword.charAt(0).toLowerCase().charCodeAt(0);
    if (first >= 128 || first !== codes[0]) fast = false;
    if (!fast) return;
    const firstWord = words[0]!;
    const third = firstWord.length >= 3 ? firstWord.charCodeAt(2) : -1;
    const fourth = firstWord.length >= 4 ? firstWord.charCodeAt(3) : -1;
    const plain = !prefix && words.length === 1 && /^[a-z0-9]+$/.test(firstWord);
    const wholeRuns = plain ? [firstWord, `${firstWord}s`, `${firstWord}es`].map(lowerHash) : null;
    const compiled: Compiled = {
      id,
      codes: Int32Array.from(codes),
      prefix,
      topics: owners[id]!,
      third,
      fourth,
      wholeRuns,
      firstLength: words.length > 1 ? firstWord.length : -1,
      secondStart: words.length > 1 ? words[1]!.charCodeAt(0) : -1,
    };
    if (firstWord.length >= 2) {
      const slot = first * 128 + firstWord.charCodeAt(1);
      (table[slot] ??= []).push(compiled);
    } else {
      // The second character may come after separators, or not at all: a candidate whatever follows.
      for (let second = 0; second < 128; second++) (table[first * 128 + second] ??= []).push(compiled);
      (loose[first] ??= []).push(compiled);
    }
  });
  const starts = new Set<string>();
  for (const list of table)
    for (const keyword of list ?? []) for (const key of runStartKeys(keyword)) starts.add(key);
  const index: KeywordIndex = {
    keywords,
    owners,
    table: fast ? table : null,
    loose,
    watch: { starts },
  };
  return index;
}

/**
 * The first three characters (`\0` past the end) of every identifier run a match of the keyword may start:
 * its characters, `_` or nothing where separators may come, a run's end at a separator or at a character that
 * ends runs (`.` in `x.509`), and anything once the keyword is complete; letters in both cases.
 */
function runStartKeys(keyword: Compiled): string[] {
  const keys: string[] = [];
  const any = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
  const expand = (key: string): void => {
    if (key.length === 3) keys.push(key);
    else if (key.endsWith('\0')) expand(`${key}\0`);
    else for (const c of any) expand(key + c);
  };
  const walk = (k: number, key: string): void => {
    if (key.length === 3) return void keys.push(key);
    if (k === keyword.codes.length) return expand(key);
    const code = keyword.codes[k]!;
    if (code === SEPARATOR) {
      walk(k + 1, key);
      walk(k, `${key}_`);
      return expand(`${key}\0`);
    }
    if (!isRunChar(code)) return expand(`${key}\0`);
    const ch = String.fromCharCode(code);
    for (const variant of new Set([ch, ch.toUpperCase()])) walk(k + 1, key + variant);
  };
  walk(0, '');
  return keys;
}

/** True when, after optional separators from `i`, the text goes on with `code` (a keyword's second word). */
function secondWordFollows(text: string, i: number, limit: number, code: number): boolean {
  while (i < limit && isSeparator(text.charCodeAt(i))) i++;
  return i < limit && fold(text.charCodeAt(i)) === code;
}

/** The end of the keyword's match at `at` (the text read up to `limit`), or -1. */
function matchAt(text: string, at: number, limit: number, keyword: Compiled): number {
  const { codes } = keyword;
  let i = at;
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k]!;
    if (code === SEPARATOR) {
      while (i < limit && isSeparator(text.charCodeAt(i))) i++;
      continue;
    }
    if (i >= limit || fold(text.charCodeAt(i)) !== code) return -1;
    i++;
  }
  if (keyword.prefix) {
    for (let n = letterOrNumberLength(text, i, limit); n > 0; n = letterOrNumberLength(text, i, limit))
      i += n;
    return i;
  }
  if (i + 1 < limit && fold(text.charCodeAt(i)) === 101 && fold(text.charCodeAt(i + 1)) === 115) {
    if (letterOrNumberLength(text, i + 2, limit) === 0) return i + 2;
  }
  if (i < limit && fold(text.charCodeAt(i)) === 115 && letterOrNumberLength(text, i + 1, limit) === 0)
    return i + 1;
  return letterOrNumberLength(text, i, limit) === 0 ? i : -1;
}

/** Where the last match that {@link keywordAt} found ends (one per segment scan; saves a pair per match). */
type MatchEnd = { end: number };

/**
 * The first keyword (in matching order) that matches at a word start, or null; its end goes to `found.end`.
 * `runHash` is the lowercase hash of the identifier run starting there when that run is a whole word (no `_`,
 * inside the segment, no `ſ`/`K` in the text), else -1: a plain keyword can then only match a run it hashes to.
 */
function keywordAt(
  text: string,
  at: number,
  limit: number,
  index: KeywordIndex,
  runHash: number,
  found: MatchEnd,
): Compiled | null {
  const first = ASCII_LOWER[text.charCodeAt(at)]!;
  let candidates: Compiled[] | undefined;
  if (at + 1 < limit) {
    const second = fold(text.charCodeAt(at + 1));
    candidates = second < 128 ? index.table![first * 128 + second] : index.loose[first];
  } else {
    candidates = index.loose[first];
  }
  if (!candidates) return null;
  const third = at + 2 < limit ? fold(text.charCodeAt(at + 2)) : -2;
  const fourth = at + 3 < limit ? fold(text.charCodeAt(at + 3)) : -2;
  for (const keyword of candidates) {
    if (keyword.third >= 0 && keyword.third !== third) continue;
    if (keyword.fourth >= 0 && keyword.fourth !== fourth) continue;
    if (runHash >= 0 && keyword.wholeRuns && !keyword.wholeRuns.includes(runHash)) continue;
    if (
      keyword.firstLength >= 0 &&
      !secondWordFollows(text, at + keyword.firstLength, limit, keyword.secondStart)
    )
      continue;
    found.end = matchAt(text, at, limit, keyword);
    if (found.end >= 0) return keyword;
  }
  return null;
}

/** True when the fast matcher gives the regex matcher's result for this text and taxonomy. */
export function fastMatchApplies(index: KeywordIndex, runs: IdentifierRuns): boolean {
  return index.table !== null && !(runs.nonAscii && runs.text.includes('\u212a'));
}

/**
 * Count keyword hits in the segment [from, to) of the runs' text (a title, a lead or the rest of a body, as if it
 * were a string of its own), into `hits` (reset by the caller). `fromRun` is a run index at or before the
 * segment's first run; returns the index to start the next segment from.
 */
export function segmentKeywordHits(
  runs: IdentifierRuns,
  from: number,
  to: number,
  index: KeywordIndex,
  hits: KeywordHits,
  fromRun: number,
): number {
  const { text, data, count } = runs;
  let k = fromRun;
  while (k < count && data[k * RUN_SIZE + RUN_END]! <= from) k++;
  const next = k;
  const found: MatchEnd = { end: -1 };
  let end = from;
  // A segment starting inside a run (the lead ends mid-word) starts a word there, which no kept run may show.
  if (
    from < to &&
    from > 0 &&
    isRunChar(text.charCodeAt(from - 1)) &&
    ASCII_ALNUM[text.charCodeAt(from)] === 1
  ) {
    const keyword = keywordAt(text, from, to, index, -1, found);
    if (keyword) {
      end = found.end;
      if (hits.counts[keyword.id]!++ === 0) hits.order.push(keyword.id);
    }
  }
  for (; k < count; k++) {
    const base = k * RUN_SIZE;
    const start = data[base + RUN_START]!;
    if (start >= to) break;
    const runEnd = Math.min(data[base + RUN_END]!, to);
    const underscores = (data[base + RUN_FLAGS]! & RUN_HAS_UNDERSCORE) !== 0;
    const word = data[base + RUN_WORD]!;
    let p = start;
    if (start < from || letterOrNumberBefore(text, start, from))
      p = underscores ? nextAfterUnderscore(text, Math.max(start, from), runEnd) : -1;
    for (; p >= 0 && p < runEnd; p = underscores ? nextAfterUnderscore(text, p, runEnd) : -1) {
      if (p < end || text.charCodeAt(p) === 95) continue;
      const whole =
        p === start && !underscores && !runs.allRuns && data[base + RUN_END]! <= to && word === start;
      const keyword = keywordAt(text, p, to, index, whole ? data[base + RUN_HASH]! : -1, found);
      if (!keyword) continue;
      end = found.end;
      if (hits.counts[keyword.id]!++ === 0) hits.order.push(keyword.id);
    }
  }
  return next;
}

/** The next position after an underscore, from p (exclusive) within the run, or -1. */
function nextAfterUnderscore(text: string, p: number, runEnd: number): number {
  for (let i = p; i < runEnd - 1; i++)
    if (text.charCodeAt(i) === 95 && text.charCodeAt(i + 1) !== 95) return i + 1;
  return -1;
}
