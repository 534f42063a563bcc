import { readSync } from 'node:fs';
import { forEachLineEnd, lastLineStart, nextLineStart, startsLine } from './line-ends';

/**
 * Byte-level reading of one stretch of a dump for the chunked (parallel) ingest. A chunk boundary is always a
 * line start (after an LF, or after a CR not followed by an LF: every CR, LF or CRLF ends a line), and neither
 * byte can be part of a UTF-8 sequence, so decoding each chunk on its own gives exactly the lines that decoding
 * the whole file gives (invalid bytes as U+FFFD, a BOM dropped from the file's first line), as readLineBatches
 * reads them.
 */

const PROBE = 64 * 1024;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Read `length` bytes at `position` (fewer at the end of the file), into `target` when given (large enough). */
function readAt(
  fd: number,
  position: number,
  length: number,
  target: Buffer = Buffer.allocUnsafe(length),
): Buffer {
  let filled = 0;
  while (filled < length) {
    const n = readSync(fd, target, filled, length - filled, position + filled);
    if (n === 0) break;
    filled += n;
  }
  return target.subarray(0, filled);
}

/** The first line start at or after `offset` (see `startsLine`): `offset` itself, or just past the next line end. */
export function lineStartAtOrAfter(fd: number, offset: number, size: number): number {
  if (offset <= 0) return 0;
  if (offset >= size) return size;
  // Probes overlap by one byte, so the byte after a CR is always in the probe that judges it.
  for (let at = offset - 1; at < size; at += PROBE) {
    const bytes = readAt(fd, at, Math.min(PROBE + 1, size - at));
    const atEnd = at + bytes.length >= size;
    for (let k = Math.max(offset - at, 1); k <= bytes.length; k++) {
      if (k === bytes.length && !atEnd) break;
      if (startsLine(bytes, k)) return at + k;
    }
  }
  return size;
}

/** The index of the first CR or LF at or after `from`, or -1. */
function lineEndIndex(bytes: Buffer, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 10 || b === 13) return i;
  }
  return -1;
}

/**
 * Bytes decoded at a time. V8 allocates strings over about 128 kB in its large-object space, which costs far
 * more per byte (and in garbage collection) than the regular heap: pieces of 32 kB decode several times faster.
 */
export const DECODE_PIECE = 32 * 1024;

/**
 * Split bytes (whole lines; the last ends the file when `atEnd`) into lines: a line of ASCII bytes is its
 * Latin-1 text (a one-byte string, which every later stage reads faster), any other line is decoded as UTF-8
 * from its bytes (Latin-1 offsets are byte offsets). The same lines as decoding the whole as UTF-8 and splitting.
 */
function splitPiece(
  bytes: Buffer,
  from: number,
  to: number,
  nonAscii: RegExp,
  onLine: (line: string) => void,
): void {
  // `to` is a line start, so a CR at its end is a whole line end (no LF of its CRLF lies beyond).
  const raw = bytes.toString('latin1', from, to);
  nonAscii.lastIndex = 0;
  let high = nonAscii.exec(raw)?.index ?? Infinity;
  const line = (start: number, end: number): string => {
    if (high >= end) return raw.slice(start, end);
    nonAscii.lastIndex = end;
    high = nonAscii.exec(raw)?.index ?? Infinity;
    return decoder.decode(bytes.subarray(from + start, from + end));
  };
  if (raw.indexOf('\r') === -1) {
    // No CR in the piece (nearly every capture): each LF ends a line, found natively, with no callback per line.
    let at = 0;
    for (let lf = raw.indexOf('\n'); lf !== -1; lf = raw.indexOf('\n', at)) {
      onLine(line(at, lf));
      at = lf + 1;
    }
    if (at < raw.length) onLine(line(at, raw.length));
    return;
  }
  const rest = forEachLineEnd(raw, 0, (start, end) => onLine(line(start, end)));
  if (rest < raw.length) onLine(line(rest, raw.length));
}

/**
 * Split whole lines of bytes into lines, a piece of at most about DECODE_PIECE bytes (whole lines) at a time;
 * `nonAscii` (global, /[\x80-\xff]/g) finds the lines to decode as UTF-8.
 */
function splitBytes(bytes: Buffer, nonAscii: RegExp, onLine: (line: string) => void): void {
  let from = 0;
  while (from < bytes.length) {
    let to = bytes.length;
    if (to - from > DECODE_PIECE) {
      const back = lastLineStart(bytes, from, from + DECODE_PIECE);
      const ahead = back !== -1 ? back : nextLineStart(bytes, from + DECODE_PIECE);
      to = ahead === -1 ? bytes.length : ahead;
    }
    splitPiece(bytes, from, to, nonAscii, onLine);
    from = to;
  }
}

/**
 * Reads the lines between two line starts of a file, into a read buffer of its own that it keeps (and grows to
 * the largest stretch read) for its life: one reader per thread of work, e.g. a worker's for all its chunks.
 * Two readers share nothing.
 */
export class ChunkReader {
  private scratch: Buffer | undefined;
  /** Finds a line's first non-ASCII byte (its lastIndex is this reader's). */
  private readonly nonAscii = /[\x80-\xff]/g;

  /**
   * Call `onLine` with each line of the bytes [start, end) of a file, where both are line starts (or the
   * file's end): every LF ends a line, a last line without LF counts when it is not empty. `fileStart` drops a
   * BOM from the first line. Every CR, LF or CRLF ends a line. Lines are made a piece at a time, so they die
   * young when `onLine` does not keep them.
   */
  forEachLineBetween(
    fd: number,
    start: number,
    end: number,
    fileStart: boolean,
    onLine: (line: string) => void,
  ): void {
    if (end <= start) return;
    if (!this.scratch || this.scratch.length < end - start)
      this.scratch = Buffer.allocUnsafeSlow(end - start);
    const bytes = readAt(fd, start, end - start, this.scratch);
    let first = fileStart;
    splitBytes(bytes, this.nonAscii, (line) => {
      if (first) {
        first = false;
        onLine(line.replace(/^\uFEFF/, ''));
      } else onLine(line);
    });
  }

  /** The lines of the bytes [start, end) of a file, as forEachLineBetween reads them. */
  readLinesBetween(fd: number, start: number, end: number, fileStart: boolean): string[] {
    const lines: string[] = [];
    this.forEachLineBetween(fd, start, end, fileStart, (line) => lines.push(line));
    return lines;
  }
}

/**
 * Reads lines one at a time from a line start, with the byte offset after each: for reading a little past a
 * chunk's end (to finish the record open there), where knowing where the next line starts matters.
 */
export class LineCursor {
  private buffer: Buffer = Buffer.alloc(0);
  private bufferAt: number;
  private pos: number;

  constructor(
    private readonly fd: number,
    /** Offset of the next line's start. */
    public offset: number,
    private readonly size: number,
    private readonly fileStart: boolean,
  ) {
    this.bufferAt = offset;
    this.pos = 0;
  }

  /** The next line (advancing `offset` past its line end: CR, LF or CRLF), or null at the end of the file. */
  next(): string | null {
    if (this.offset >= this.size) return null;
    for (;;) {
      const end = lineEndIndex(this.buffer, this.pos);
      const readFrom = this.bufferAt + this.buffer.length;
      // A CR as the last byte read: whether an LF follows is in the next read (unless the file ends there).
      const undecided = end === this.buffer.length - 1 && this.buffer[end] === 13 && readFrom < this.size;
      if (end !== -1 && !undecided) {
        const line = decoder.decode(this.buffer.subarray(this.pos, end));
        this.pos = end + (this.buffer[end] === 13 && this.buffer[end + 1] === 10 ? 2 : 1);
        return this.take(line, this.bufferAt + this.pos);
      }
      if (readFrom >= this.size) {
        const line = decoder.decode(this.buffer.subarray(this.pos));
        this.pos = this.buffer.length;
        return this.take(line, this.size);
      }
      const more = readAt(this.fd, readFrom, Math.min(PROBE, this.size - readFrom));
      this.buffer = Buffer.concat([this.buffer.subarray(this.pos), more]);
      this.bufferAt += this.pos;
      this.pos = 0;
    }
  }

  private take(line: string, next: number): string {
    const first = this.fileStart && this.offset === 0;
    this.offset = next;
    return first ? line.replace(/^\uFEFF/, '') : line;
  }
}
