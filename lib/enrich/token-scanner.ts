/**
 * One tokenisation pass over a post's text, shared by the enrichment extractors. It walks the runs of identifier
 * characters `[A-Za-z0-9_]` (what the extractors' ASCII word regexes matched) and keeps only the runs some
 * extractor may care about: a watched word (by a hash of its lowercase form), a watched start (its first three
 * characters), or a telling shape (an underscore, leading digits, eight or ten hex-like characters, a possible
 * feedback id). Each extractor declares what it watches (a {@link TokenWatch}); a {@link TokenScanner} is built
 * from the declarations of the extractors it serves, and they re-check every kept run exactly: the filter only
 * skips runs no extractor can use. Characters outside ASCII are never part of a run, as in the regexes this
 * replaces.
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
 * The kept identifier runs of one text, in order: run k is `data[k * RUN_SIZE + RUN_START]` and so on. `data` and
 * `long` are the scanner's scratch buffers: the scanner's next pass reuses them, so read the runs before it.
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
};

/**
 * What an extractor needs the scanner to keep, besides the telling shapes it always keeps: runs whose lowercase
 * form is one of `words` (or one of them plus `s`), and runs starting with one of `starts` (three-character keys
 * where `\0` stands for the run's end; see {@link startKeys}).
 */
export type TokenWatch = { readonly words?: Iterable<string>; readonly starts?: Iterable<string> };

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

/**
 * The identifier-run scanner of a set of extractors: built once from their {@link TokenWatch} declarations, it
 * owns its watch filters and its scratch buffers (a pass allocates nothing on most texts), so scanners never
 * share state. One scanner per thread of work: a pass overwrites the runs of the one before.
 */
export class TokenScanner {
  /** Watched words: a run whose lowercase form (or that form less a final `s`) has a watched hash is kept. */
  private readonly words = new HashFilter();
  /** Watched starts: one bit per (first, second, third) character code of a run, 0 past its end. */
  private readonly starts = new Uint8Array((128 * 128 * 128) >> 3);
  private bytes = new Uint8Array(4096);
  private data = new Int32Array(RUN_SIZE * 512);
  private long = new Int32Array(256);

  constructor(watches: readonly TokenWatch[]) {
    for (const watch of watches) {
      for (const word of watch.words ?? []) this.words.addHash(lowerHash(word));
      for (const key of watch.starts ?? []) {
        const slot = key.charCodeAt(0) * 16384 + key.charCodeAt(1) * 128 + key.charCodeAt(2);
        this.starts[slot >>> 3]! |= 1 << (slot & 7);
      }
    }
  }

  /**
   * Whether a run of an ordinary shape is kept: its first three character codes (0 past its end), the hash of
   * its lowercase form, and that of the form less its last character when the run ends in `s` (else -1).
   */
  watches(first: number, second: number, third: number, hash: number, stemIfPlural: number): boolean {
    const slot = first * 16384 + second * 128 + third;
    return (
      (this.starts[slot >>> 3]! & (1 << (slot & 7))) !== 0 ||
      this.words.has(hash) ||
      (stemIfPlural >= 0 && this.words.has(stemIfPlural))
    );
  }

  /**
   * The text as one byte per UTF-16 code unit, every code from 128 up as {@link WIDE}, in the scanner's buffer
   * (the scan reads bytes far faster than `charCodeAt`). Returns whether the text has a character outside ASCII.
   */
  private loadBytes(text: string): boolean {
    const length = text.length;
    if (this.bytes.length < 3 * length + 4) this.bytes = new Uint8Array(3 * length + 4);
    const bytes = this.bytes;
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

  /** The kept runs of `[A-Za-z0-9_]` in a text, in order, with hashes of their lowercase forms. */
  scan(text: string): IdentifierRuns {
    const length = text.length;
    if (this.data.length < RUN_SIZE * ((length >> 1) + 1))
      this.data = new Int32Array(RUN_SIZE * ((length >> 1) + 1));
    const data = this.data;
    if (this.long.length < 2 * ((length / LONG_RUN) | 0) + 2)
      this.long = new Int32Array(2 * ((length / LONG_RUN) | 0) + 2);
    const long = this.long;
    const starts = this.starts;
    const words = this.words;
    let longCount = 0;
    const nonAscii = this.loadBytes(text);
    const b = this.bytes;
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
          (starts[slot >>> 3]! & (1 << (slot & 7))) === 0 &&
          !words.has(hash) &&
          !(b[i - 1] === 115 && words.has(stem))
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
    return { text, data, count: n / RUN_SIZE, nonAscii, allRuns, long, longCount };
  }
}
