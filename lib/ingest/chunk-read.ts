import { readSync } from 'node:fs';

/**
 * Byte-level reading of one stretch of a dump for the chunked (parallel) ingest. A chunk boundary is always a
 * line start (just after an LF), and LF can never be part of a UTF-8 sequence, so decoding each chunk on its
 * own gives exactly the lines that decoding the whole file gives (invalid bytes as U+FFFD, a CR before the LF
 * dropped, a BOM dropped from the file's first line), as readLineBatches reads them.
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

/** The first line start at or after `offset`: `offset` itself when it follows an LF (or is 0), else past the next LF. */
export function lineStartAtOrAfter(fd: number, offset: number, size: number): number {
  if (offset <= 0) return 0;
  for (let at = offset - 1; at < size; at += PROBE) {
    const bytes = readAt(fd, at, Math.min(PROBE, size - at));
    const nl = bytes.indexOf(10);
    if (nl !== -1) return at + nl + 1;
  }
  return size;
}

/** One decoded line without its line end (CRLF or LF). */
function decodeLine(bytes: Buffer): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
  return decoder.decode(bytes.subarray(0, end));
}

let scratch: Buffer | undefined;
const NON_ASCII = /[\x80-\xff]/g;
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
function splitPiece(bytes: Buffer, from: number, to: number, onLine: (line: string) => void): void {
  const raw = bytes.toString('latin1', from, to);
  NON_ASCII.lastIndex = 0;
  let high = NON_ASCII.exec(raw)?.index ?? Infinity;
  let at = 0;
  const line = (start: number, end: number): string => {
    if (high >= end) return raw.slice(start, end);
    NON_ASCII.lastIndex = end;
    high = NON_ASCII.exec(raw)?.index ?? Infinity;
    return decoder.decode(bytes.subarray(from + start, from + end));
  };
  for (let nl = raw.indexOf('\n'); nl !== -1; nl = raw.indexOf('\n', at)) {
    onLine(line(at, nl > at && raw.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
    at = nl + 1;
  }
  if (at < raw.length) onLine(line(at, raw.charCodeAt(raw.length - 1) === 13 ? raw.length - 1 : raw.length));
}

/** Split whole lines of bytes into lines, a piece of at most about DECODE_PIECE bytes (whole lines) at a time. */
function splitBytes(bytes: Buffer, onLine: (line: string) => void): void {
  let from = 0;
  while (from < bytes.length) {
    let to = bytes.length;
    if (to - from > DECODE_PIECE) {
      const back = bytes.lastIndexOf(10, from + DECODE_PIECE - 1);
      const ahead = back >= from ? back : bytes.indexOf(10, from + DECODE_PIECE);
      to = ahead === -1 ? bytes.length : ahead + 1;
    }
    splitPiece(bytes, from, to, onLine);
    from = to;
  }
}

/**
 * Call `onLine` with each line of the bytes [start, end) of a file, where both are line starts (or the file's
 * end): every LF ends a line, a last line without LF counts when it is not empty. `fileStart` drops a BOM from
 * the first line. Lines are made a piece at a time, so they die young when `onLine` does not keep them.
 */
export function forEachLineBetween(
  fd: number,
  start: number,
  end: number,
  fileStart: boolean,
  onLine: (line: string) => void,
): void {
  if (end <= start) return;
  if (!scratch || scratch.length < end - start) scratch = Buffer.allocUnsafeSlow(end - start);
  const bytes = readAt(fd, start, end - start, scratch);
  let first = fileStart;
  splitBytes(bytes, (line) => {
    if (first) {
      first = false;
      onLine(line.replace(/^\uFEFF/, ''));
    } else onLine(line);
  });
}

/** The lines of the bytes [start, end) of a file, as forEachLineBetween reads them. */
export function readLinesBetween(fd: number, start: number, end: number, fileStart: boolean): string[] {
  const lines: string[] = [];
  forEachLineBetween(fd, start, end, fileStart, (line) => lines.push(line));
  return lines;
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

  /** The next line (advancing `offset` past its line end), or null at the end of the file. */
  next(): string | null {
    if (this.offset >= this.size) return null;
    for (;;) {
      const nl = this.buffer.indexOf(10, this.pos);
      if (nl !== -1) {
        const line = decodeLine(this.buffer.subarray(this.pos, nl));
        this.pos = nl + 1;
        return this.take(line, this.bufferAt + this.pos);
      }
      const readFrom = this.bufferAt + this.buffer.length;
      if (readFrom >= this.size) {
        const line = decodeLine(this.buffer.subarray(this.pos));
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
