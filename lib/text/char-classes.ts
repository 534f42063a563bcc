/**
 * Character classes by UTF-16 code unit, for the hand-written scanners (the dump parser, the enrichment
 * extractors, the tokenizer) that read char codes instead of running regular expressions. One table per class,
 * computed once when the module loads and never written after.
 */

/** True for the code units of the regular-expression class `\s` (JavaScript white space and line ends). */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True for `[A-Za-z0-9_]`, the characters of an identifier run (NaN, past the end of a text, is not). */
export function isRunChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** True for `[A-Za-z0-9]`. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Per ASCII code: 1 for `[A-Za-z0-9_]`, else 0. */
export const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (isRunChar(c) ? 1 : 0));

/** Per ASCII code: 1 for `[A-Za-z0-9]`, else 0. */
export const ASCII_ALNUM = Uint8Array.from({ length: 128 }, (_, c) => (isAsciiAlnum(c) ? 1 : 0));

/** Per ASCII code: its lowercase code. */
export const ASCII_LOWER = Uint8Array.from({ length: 128 }, (_, c) =>
  String.fromCharCode(c).toLowerCase().charCodeAt(0),
);

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Per BMP code unit: 1 when it is a letter or number (`[\p{L}\p{N}]`) on its own; surrogates are not. */
const BMP_LETTER_OR_NUMBER = (() => {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++)
    if (c < 0xd800 || c > 0xdfff) table[c] = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();

/** True for a code point in `\p{L}` or `\p{N}` (a lone surrogate is neither). */
export function isLetterOrNumber(codePoint: number): boolean {
  return codePoint <= 0xffff
    ? BMP_LETTER_OR_NUMBER[codePoint] === 1
    : LETTER_OR_NUMBER.test(String.fromCodePoint(codePoint));
}

/**
 * Length in code units of the letter or number (`[\p{L}\p{N}]`, a surrogate pair counting as one character) at
 * `i` of the text read up to `limit`, else 0 (also at or past `limit`).
 */
export function letterOrNumberLength(text: string, i: number, limit = text.length): number {
  if (i >= limit) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_ALNUM[c]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < limit) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return isLetterOrNumber(text.codePointAt(i)!) ? 2 : 0;
  }
  return BMP_LETTER_OR_NUMBER[c]!;
}

/** True when the character ending just before `i` (not before `from`) is a letter or number. */
export function letterOrNumberBefore(text: string, i: number, from = 0): boolean {
  if (i <= from) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return ASCII_ALNUM[c] === 1;
  if (c >= 0xdc00 && c <= 0xdfff && i - 2 >= from) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isLetterOrNumber(text.codePointAt(i - 2)!);
  }
  return BMP_LETTER_OR_NUMBER[c] === 1;
}

/** Length in code units of the word character (`[\p{L}\p{N}_]`) at `i`, else 0 (also past the end). */
export function wordCharLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  return letterOrNumberLength(text, i);
}
