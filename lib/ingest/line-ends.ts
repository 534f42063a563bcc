/**
 * Universal newlines: every CR, LF or CRLF ends one line (old Mac captures end lines with a lone CR; a file may
 * mix all three). The one rule both readers follow: the serial reader on decoded text, the chunked reader on
 * the Latin-1 view of a file's bytes (CR and LF are single bytes that no UTF-8 sequence holds).
 */

const CR = 13;
const LF = 10;

/**
 * Call `onLine(start, end)` for every line of `text` that ends in it, from `from` on, `end` excluding the line
 * end; returns where the unfinished rest starts (`text.length` when the text ends with a line end). A CR at the
 * very end of `text` ends its line: the caller must then drop an LF that starts the next piece
 * ({@link endsWithCr}).
 */
export function forEachLineEnd(
  text: string,
  from: number,
  onLine: (start: number, end: number) => void,
): number {
  let at = from;
  let lf = text.indexOf('\n', at);
  let cr = text.indexOf('\r', at);
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      onLine(at, cr);
      at = cr + 1;
      if (lf === at) {
        at++;
        lf = text.indexOf('\n', at);
      }
      cr = text.indexOf('\r', at);
    } else {
      onLine(at, lf);
      at = lf + 1;
      lf = text.indexOf('\n', at);
    }
  }
  return at;
}

/** True when the text's last line end is a CR at its very end (an LF starting the next piece belongs to it). */
export function endsWithCr(text: string, rest: number): boolean {
  return rest === text.length && rest > 0 && text.charCodeAt(rest - 1) === CR;
}

/**
 * True when offset `p` of `bytes` starts a line (0 < p <= bytes.length): the byte before it is an LF, or a CR not
 * followed by an LF. The end of `bytes` counts as a line start, so `bytes` must end at one (or at the file's end).
 */
export function startsLine(bytes: Uint8Array, p: number): boolean {
  const b = bytes[p - 1];
  return b === LF || (b === CR && (p >= bytes.length || bytes[p] !== LF));
}

/** The largest line start in (from, to] of `bytes` (see {@link startsLine}), or -1. */
export function lastLineStart(bytes: Uint8Array, from: number, to: number): number {
  for (let p = to; p > from; p--) if (startsLine(bytes, p)) return p;
  return -1;
}

/** The smallest line start after `from` in `bytes` (see {@link startsLine}), or -1. */
export function nextLineStart(bytes: Uint8Array, from: number): number {
  for (let p = from + 1; p <= bytes.length; p++) if (startsLine(bytes, p)) return p;
  return -1;
}
