/**
 * One tokenisation pass over a post's text, shared by the enrichment extractors. It walks the runs of identifier
 * characters `[A-Za-z0-9_]` (what the extractors' ASCII word regexes matched) and keeps only the runs some
 * extractor may care about: a watched word (by a hash of its lowercase form), a watched start (its first three
 * characters), or a telling shape (an underscore, leading digits, eight or ten hex-like characters, a possible
 * feedback id). Extractors register what they watch with {@link watchWords} / {@link watchStarts} before they
 * read runs, and re-check every kept run exactly: the filter only skips runs no extractor can use.
 * Characters outside ASCII are never part of a run, as in the regexes this replaces.
 */

/** Offset of a run's first character, in the numbers of one run. */
export const RUN_START = 0;
/** Offset of a run's first non-digit character (its end when the run is all digits). */
export const RUN_WORD = 1;
/** Offset just past a run's last character. */
export const RUN_END = 2;
/** {@link lowerHash} of the run from RUN_WORD to RUN_END. */
export const RUN_HASH = 3;
/** {@link lowerHash} of the same span without its last character (for plurals). */
export const RUN_HASH_STEM = 4;
/** Bit flags: {@link RUN_HAS_UNDERSCORE}, {@link RUN_ALL_HEX}. */
export const RUN_FLAGS = 5;
/** Runs with this many characters from RUN_WORD on are listed in `long` (the length of `errordomain`). */
export const LONG_RUN = 11;
/** Numbers per run. */
export const RUN_SIZE = 6;
/** Flag: the run contains `_`. */
export const RUN_HAS_UNDERSCORE = 1;
/** Flag: every character of the run is a hex digit. */
export const RUN_ALL_HEX = 2;

/**
 * The kept identifier runs of one text, in order: run k is `data[k * RUN_SIZE + RUN_START]` and so on. `data` is
 * a scratch buffer the next pass over another text reuses: get runs through {@link runsFor} / {@link postRuns}.
 */
export type IdentifierRuns = {
  readonly text: string;
  readonly data: Int32Array;
  readonly count: number;
  /** True when the text has a character outside ASCII. */
  readonly nonAscii: boolean;
  /** True when every run was kept (the text has `ſ` or `K`, which match `s`/`k` case-insensitively). */
  readonly allRuns: boolean;
  /**
   * Every run (kept or not) whose part from RUN_WORD has at least {@link LONG_RUN} characters, as pairs of that
   * part's start and end: `long[2 * j]`, `long[2 * j + 1]` for j below `longCount` (a reused buffer, like `data`).
   */
  readonly long: Int32Array;
  readonly longCount: number;
  /** The {@link watchVersion} the runs were filtered with. */
  readonly version: number;
  readonly generation: number;
};

const HASH_SEED = 0x2f1b;
const HASH_MASK = 0x3fffffff;

/** Per byte: 1 identifier character, 3 also a hex digit, 5 `_`; 0 otherwise (every code from 128 up, too). */
const CHAR_CLASS = new Uint8Array(256);
/** Class bits: a hex digit, `_`. */
const HEX_BIT = 2;
const UNDERSCORE_BIT = 4;
/** Per ASCII code: its lowercase code. */
const LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CHAR_CLASS[c] = /[0-9A-Fa-f]/.test(ch) ? 3 : ch === '_' ? 5 : /[A-Za-z0-9]/.test(ch) ? 1 : 0;
  LOWER[c] = ch.toLowerCase().charCodeAt(0);
}
/** Stands for every character from 128 up in the byte copy of a text: never part of a run. */
const WIDE = 128;
const encoder = new TextEncoder();
let bytes = new Uint8Array(4096);

/**
 * The text as one byte per UTF-16 code unit, every code from 128 up as {@link WIDE}, in a reused buffer (the
 * scan reads bytes far faster than `charCodeAt`). Returns whether the text has a character outside ASCII.
 */
function loadBytes(text: string): boolean {
  const length = text.length;
  if (bytes.length < 3 * length + 4) bytes = new Uint8Array(3 * length + 4);
  // UTF-8 writes one byte per code unit exactly when every code unit is ASCII.
  // A 0 after the text ends every run without a bounds check.
  if (encoder.encodeInto(text, bytes).written === length) {
    bytes[length] = 0;
    return false;
  }
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    bytes[i] = c < 128 ? c : WIDE;
  }
  bytes[length] = 0;
  return true;
}

/** The inverse of 31 modulo 2^30: undoes one {@link step} (the hash of a run without its last character). */
const INVERSE_31 = 0x3def7bdf;

/** Fold one hash step: the running hash and a lowercase character code. */
function step(hash: number, lowerCode: number): number {
  return ((hash << 5) - hash + lowerCode) & HASH_MASK;
}

/** Hash of the ASCII-lowercased text (the function the runs carry); for building lookup filters. */
export function lowerHash(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    hash = step(hash, c < 128 ? LOWER[c]! : c);
  }
  return hash;
}

/** A set of hashes with false positives and no false negatives: a cheap gate before a real lookup. */
export class HashFilter {
  private readonly bits = new Uint8Array(1 << 13);

  /** A filter that lets through every word of `words` (compared by lowercase form). */
  constructor(words: Iterable<string> = []) {
    for (const word of words) this.addHash(lowerHash(word));
  }

  /** Let through one more hash. */
  addHash(hash: number): void {
    const slot = (hash ^ (hash >>> 15)) & 0xffff;
    this.bits[slot >>> 3]! |= 1 << (slot & 7);
  }

  /** False when no word of the filter has this hash. */
  has(hash: number): boolean {
    const slot = (hash ^ (hash >>> 15)) & 0xffff;
    return (this.bits[slot >>> 3]! & (1 << (slot & 7))) !== 0;
  }
}

/** Watched words: a run whose lowercase form (or that form less a final `s`) has a watched hash is kept. */
const watchedWords = new HashFilter();
/** Watched starts: one bit per (first, second, third) character code of a run, 0 past its end. */
const watchedStarts = new Uint8Array((128 * 128 * 128) >> 3);
let version = 0;

/** Keep runs whose lowercase form is one of `words` (or one of them plus `s`); returns the new watch version. */
export function watchWords(words: Iterable<string>): number {
  for (const word of words) watchedWords.addHash(lowerHash(word));
  return ++version;
}

/**
 * Keep runs starting with one of `keys`: three-character strings where `\0` stands for the run's end. Returns
 * the new watch version.
 */
export function watchStarts(keys: Iterable<string>): number {
  for (const key of keys) {
    const slot = key.charCodeAt(0) * 16384 + key.charCodeAt(1) * 128 + key.charCodeAt(2);
    watchedStarts[slot >>> 3]! |= 1 << (slot & 7);
  }
  return ++version;
}

/** Every three-character key (`\0` for the end) that starts with `prefix`, in the listed cases. */
export function startKeys(prefix: string, caseInsensitive: boolean): string[] {
  let keys = [''];
  for (let i = 0; i < 3; i++) {
    const ch = prefix.charAt(i);
    const options = ch
      ? caseInsensitive
        ? [...new Set([ch.toLowerCase(), ch.toUpperCase()])]
        : [ch]
      : Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    keys = keys.flatMap((k) => (k.endsWith('\0') ? [`${k}\0`] : options.map((o) => k + o)));
  }
  return keys;
}

/** The current watch version: runs filtered with an older one may miss runs a newer watcher needs. */
export function watchVersion(): number {
  return version;
}

let scratch = new Int32Array(RUN_SIZE * 512);
let longScratch = new Int32Array(256);
let generation = 0;
let lastRuns: IdentifierRuns | undefined;

/**
 * The kept runs of `[A-Za-z0-9_]` in a text, in order, with hashes of their lowercase forms. The last result is
 * memoised, so extractors called one after the other on the same text share one pass.
 */
export function identifierRuns(text: string): IdentifierRuns {
  if (lastRuns && lastRuns.version === version && lastRuns.text === text) return lastRuns;
  const length = text.length;
  if (scratch.length < RUN_SIZE * ((length >> 1) + 1))
    scratch = new Int32Array(RUN_SIZE * ((length >> 1) + 1));
  const data = scratch;
  if (longScratch.length < 2 * ((length / LONG_RUN) | 0) + 2)
    longScratch = new Int32Array(2 * ((length / LONG_RUN) | 0) + 2);
  const long = longScratch;
  let longCount = 0;
  const nonAscii = loadBytes(text);
  const b = bytes;
  const allRuns = nonAscii && (text.indexOf('\u017f') >= 0 || text.indexOf('\u212a') >= 0);
  let n = 0;
  let i = 0;
  while (i < length) {
    let c = b[i]!;
    let kind = CHAR_CLASS[c]!;
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    // Bits every character of the run has (hex) and bits some character has (`_`).
    let all = kind;
    let any = 0;
    while (c >= 48 && c <= 57) c = b[++i]!;
    const word = i;
    let hash = HASH_SEED;
    while ((kind = CHAR_CLASS[c]!) !== 0) {
      all &= kind;
      any |= kind;
      hash = step(hash, LOWER[c]!);
      c = b[++i]!;
    }
    if (i - word >= LONG_RUN) {
      long[2 * longCount] = word;
      long[2 * longCount + 1] = i;
      longCount++;
    }
    const underscore = (any & UNDERSCORE_BIT) !== 0 ? RUN_HAS_UNDERSCORE : 0;
    const stem = word === i ? HASH_SEED : Math.imul(hash - LOWER[b[i - 1]!]!, INVERSE_31) & HASH_MASK;
    const runLength = i - start;
    const first = b[start]!;
    if (
      !allRuns &&
      underscore === 0 &&
      (word === start || word === i) &&
      !(runLength === 8 && (all & HEX_BIT) !== 0) &&
      !(runLength === 10 && first === 48) &&
      !(runLength >= 9 && (first | 32) === 102)
    ) {
      const second = runLength > 1 ? b[start + 1]! : 0;
      const third = runLength > 2 ? b[start + 2]! : 0;
      const slot = first * 16384 + second * 128 + third;
      if (
        (watchedStarts[slot >>> 3]! & (1 << (slot & 7))) === 0 &&
        !watchedWords.has(hash) &&
        !(b[i - 1] === 115 && watchedWords.has(stem))
      )
        continue;
    }
    data[n] = start;
    data[n + 1] = word;
    data[n + 2] = i;
    data[n + 3] = hash;
    data[n + 4] = stem;
    data[n + 5] = ((all & HEX_BIT) !== 0 ? RUN_ALL_HEX : 0) | underscore;
    n += RUN_SIZE;
  }
  generation++;
  lastRuns = { text, data, count: n / RUN_SIZE, nonAscii, allRuns, long, longCount, version, generation };
  return lastRuns;
}

/**
 * The same pass as {@link identifierRuns} by `charCodeAt` on the string itself (the reference its byte scan is
 * tested against): the kept runs' numbers, flat, and the text's flags.
 */
export function identifierRunsByCharCodes(text: string): {
  data: number[];
  long: number[];
  nonAscii: boolean;
  allRuns: boolean;
} {
  const length = text.length;
  const data: number[] = [];
  const long: number[] = [];
  const allRuns = text.indexOf('\u017f') >= 0 || text.indexOf('\u212a') >= 0;
  let nonAscii = false;
  let i = 0;
  while (i < length) {
    let c = text.charCodeAt(i);
    if (c >= 128) {
      nonAscii = true;
      i++;
      continue;
    }
    let kind = CHAR_CLASS[c]!;
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    let hex = kind;
    let underscore = 0;
    while (c >= 48 && c <= 57) {
      if (++i >= length) break;
      c = text.charCodeAt(i);
    }
    const word = i;
    let hash = HASH_SEED;
    let stem = HASH_SEED;
    if (i < length && c < 128 && (kind = CHAR_CLASS[c]!) !== 0) {
      do {
        hex &= kind;
        if (c === 95) underscore = RUN_HAS_UNDERSCORE;
        stem = hash;
        hash = step(hash, LOWER[c]!);
        if (++i >= length) break;
        c = text.charCodeAt(i);
      } while (c < 128 && (kind = CHAR_CLASS[c]!) !== 0);
    }
    if (i - word >= LONG_RUN) long.push(word, i);
    const runLength = i - start;
    const first = text.charCodeAt(start);
    if (
      !allRuns &&
      underscore === 0 &&
      (word === start || word === i) &&
      !(runLength === 8 && hex === 3) &&
      !(runLength === 10 && first === 48) &&
      !(runLength >= 9 && (first | 32) === 102)
    ) {
      const second = runLength > 1 ? text.charCodeAt(start + 1) : 0;
      const third = runLength > 2 ? text.charCodeAt(start + 2) : 0;
      const slot = first * 16384 + second * 128 + third;
      if (
        (watchedStarts[slot >>> 3]! & (1 << (slot & 7))) === 0 &&
        !watchedWords.has(hash) &&
        !(text.charCodeAt(i - 1) === 115 && watchedWords.has(stem))
      )
        continue;
    }
    data.push(start, word, i, hash, stem, (hex === 3 ? RUN_ALL_HEX : 0) | underscore);
  }
  return { data, long, nonAscii, allRuns };
}

/** True when runs are the current pass over their text and were filtered with at least `needed`'s watches. */
function usable(runs: IdentifierRuns | undefined, needed: number): runs is IdentifierRuns {
  return runs !== undefined && runs.generation === generation && runs.version >= needed;
}

/** The given runs when they are the current runs of this very text (watching `needed`), else a fresh pass. */
export function runsFor(text: string, runs: IdentifierRuns | undefined, needed: number): IdentifierRuns {
  if (usable(runs, needed) && runs.text === text) return runs;
  return identifierRuns(text);
}

let postTitle: string | undefined;
let postBody: string | undefined;
let postTextOf: string | undefined;

/**
 * A post's `${title}\n${body}`, the text enrichment reads; the last one is remembered, so {@link postRuns} can
 * tell that runs of it belong to this very title and body without comparing their characters.
 */
export function postText(title: string, body: string): string {
  postTitle = title;
  postBody = body;
  return (postTextOf = `${title}\n${body}`);
}

/** The runs of a post's `${title}\n${body}`: the given ones when usable (see {@link runsFor}), else a new pass. */
export function postRuns(
  title: string,
  body: string,
  runs: IdentifierRuns | undefined,
  needed: number,
): IdentifierRuns {
  if (!usable(runs, needed)) return identifierRuns(`${title}\n${body}`);
  if (title === postTitle && body === postBody && runs.text === postTextOf) return runs;
  if (
    runs.text.length === title.length + 1 + body.length &&
    runs.text.charCodeAt(title.length) === 10 &&
    runs.text.startsWith(title) &&
    runs.text.endsWith(body)
  )
    return runs;
  return identifierRuns(`${title}\n${body}`);
}
