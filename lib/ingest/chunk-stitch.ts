import type { ChunkResult } from './chunk-parse';
import type { IngestEvent } from './ingest-event';

/** Parse a chunk again from a line start known to be between records (`from`), with a new parser. */
export type Rerun = (from: number) => ChunkResult;

/** Where `sorted` (ascending) holds `value`. */
function holds(sorted: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Joins the chunk results of one file, in file order, into the events a serial pass over the file gives.
 * Each chunk starts with a new parser; the previous chunk read on until its parser was between records (after
 * its line `syncLine`). From there a new parser is exactly right, so the chunk's events are kept from the first
 * line after which its own parser was between records at that same line; when it never was (damage at the
 * seam), the chunk is parsed again from that point with `rerun`. Line numbers become absolute as it goes.
 */
export class ChunkStitcher {
  /** Absolute number of the line before the next chunk's first line. */
  private base = 0;
  /** Events are final through this absolute line, where the parser was between records. */
  private covered = 0;
  /** Offset of the line after `covered`. */
  private coveredOffset = 0;
  private ended = false;

  constructor(private readonly file: string) {}

  /** The absolute number of the last line of the chunks added so far. */
  get lastLine(): number {
    return this.base;
  }

  /** Add the next chunk's result; returns its events to keep, in order. */
  add(result: ChunkResult, rerun: Rerun): IngestEvent[] {
    const base = this.base;
    this.base += result.lines;
    if (this.ended) return [];
    const cut = this.covered - base;
    if (cut >= result.lines) return [];
    if (cut >= 0 && holds(result.idle, cut)) return this.take(result, base, cut);
    return this.take(rerun(this.coveredOffset), this.covered, 0);
  }

  /** Keep the events of `result` (numbered from `base`) read after its line `cut`; advance the coverage. */
  private take(result: ChunkResult, base: number, cut: number): IngestEvent[] {
    this.covered = base + result.syncLine;
    this.coveredOffset = result.syncOffset;
    this.ended = result.ended;
    const out: IngestEvent[] = [];
    for (const event of result.events) {
      if (event.at <= cut) continue;
      if (event.kind === 'post' || event.kind === 'repeat') {
        // Each reading has a source of its own (its parser's, or the chunk decoder's): renumbered in place.
        event.post.source.file = this.file;
        event.post.source.line += base;
        out.push(
          event.kind === 'post' ? { kind: 'post', post: event.post } : { kind: 'repeat', post: event.post },
        );
      } else if (event.kind === 'header') {
        const { forum, lastColumn } = event;
        out.push({
          kind: 'header',
          file: this.file,
          line: base + event.line,
          ...(forum ? { forum } : {}),
          ...(lastColumn ? { lastColumn } : {}),
        });
      } else {
        let reason = event.reason;
        if (event.kind === 'reject' && event.relabel)
          reason = `${reason.slice(0, reason.length - String(event.at).length)}${base + event.at}`;
        out.push({ kind: event.kind, file: this.file, line: base + event.line, reason });
      }
    }
    return out;
  }
}
