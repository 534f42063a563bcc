import { closeSync, openSync } from 'node:fs';
import type { Forum, Post } from '../posts/schema';
import { LineCursor, lineStartAtOrAfter, type ChunkReader } from './chunk-read';
import type { IdentifiedPost } from './identify';
import { DumpParser, type ParseEvent } from './parse';
import type { RecordStage } from './record-stage';

/**
 * One stretch of a file for the chunked ingest: the lines starting in [lineStartAtOrAfter(start),
 * lineStartAtOrAfter(end)), parsed by a new parser (which may be wrong about the first few lines: the stitcher
 * keeps only what follows a point where it agrees with the previous chunk), then read on past `end` until the
 * parser is between records, so the record open at the end is finished here.
 */
export type ChunkTask = {
  file: string;
  size: number;
  /** Nominal start (the chunk starts at the first line start at or after it). */
  start: number;
  /** Nominal end: the next chunk's nominal start, or the file size. */
  end: number;
  /** Capture date for relative activity, in ms since the epoch. */
  asOf: number;
};

/**
 * What a chunk yields, line numbers relative to the chunk (its first line is 1; `source.line` too). `at` is the
 * line whose reading emitted the event (`lines + overrun + 1` for the end of the file); a reject whose reason
 * names its line number (`… at line N`) has `relabel`.
 */
export type ChunkEvent =
  | { kind: 'post'; at: number; post: Post }
  | { kind: 'repeat'; at: number; post: IdentifiedPost }
  | { kind: 'reject'; at: number; line: number; reason: string; relabel: boolean }
  | { kind: 'skip'; at: number; line: number; reason: string }
  | { kind: 'header'; at: number; line: number; forum?: Forum; lastColumn?: 'Activity' | 'Created' };

/** Lines after which the parser was between records, watched this far into a chunk. */
export const IDLE_WATCH = 4096;

/** Where a chunk starts and ends, and where its parser agreed to be between records (see ChunkStitcher). */
export type ChunkSeams = {
  /** Offset of the chunk's first line, and of the line after its last (the next chunk's first). */
  from: number;
  to: number;
  /** Lines starting in [from, to). */
  lines: number;
  /** The parser was between records after this line (>= lines), the end of what this chunk is sure of. */
  syncLine: number;
  /** Offset of the line after syncLine. */
  syncOffset: number;
  /** The chunk read to the end of the file (and its parser's end was applied). */
  ended: boolean;
  /** Lines (at most IDLE_WATCH, ascending, 0 first) after which this chunk's parser was between records. */
  idle: number[];
};

/** A chunk's seams and its events, in order. */
export type ChunkResult = ChunkSeams & { events: ChunkEvent[] };

/** Turn one parse event into a chunk event, running a record through the stage. */
function addEvent(event: ParseEvent, at: number, stage: RecordStage, emit: (e: ChunkEvent) => void): void {
  if (event.kind === 'header') {
    const { forum, lastColumn } = event;
    emit({
      kind: 'header',
      at,
      line: event.line,
      ...(forum ? { forum } : {}),
      ...(lastColumn ? { lastColumn } : {}),
    });
  } else if (event.kind === 'skip') {
    emit({ kind: 'skip', at, line: event.line, reason: event.reason });
  } else if (event.kind === 'reject') {
    const relabel = event.reason.endsWith(` at line ${at}`);
    emit({ kind: 'reject', at, line: event.line, reason: event.reason, relabel });
  } else {
    const result = stage.resolve(event.record);
    if (result.kind === 'reject')
      emit({ kind: 'reject', at, line: event.record.source.line, reason: result.reason, relabel: false });
    else if (result.kind === 'post') emit({ kind: 'post', at, post: result.post });
    else emit({ kind: 'repeat', at, post: result.post });
  }
}

/**
 * Parse, validate, identify and enrich one chunk of a file (see ChunkTask), handing each event to `emit` as it
 * comes (so nothing piles up); `stage` keeps its state across chunks, `reader` its read buffer. `from`, a line
 * start known to be between records, replaces the chunk's own start.
 */
export function scanChunk(
  task: ChunkTask,
  stage: RecordStage,
  reader: ChunkReader,
  emit: (event: ChunkEvent) => void,
  from?: number,
): ChunkSeams {
  const fd = openSync(task.file, 'r');
  try {
    const start = from ?? lineStartAtOrAfter(fd, task.start, task.size);
    const to = Math.max(
      start,
      task.end >= task.size ? task.size : lineStartAtOrAfter(fd, task.end, task.size),
    );
    const parser = new DumpParser(task.file, new Date(task.asOf));
    const idle = [0];
    let at = 0;
    reader.forEachLineBetween(fd, start, to, start === 0, (line) => {
      at++;
      for (const event of parser.push(line, at)) addEvent(event, at, stage, emit);
      if (at <= IDLE_WATCH && parser.idle) idle.push(at);
    });
    const seams: ChunkSeams = {
      from: start,
      to,
      lines: at,
      syncLine: at,
      syncOffset: to,
      ended: false,
      idle,
    };
    if (!parser.idle && to < task.size) {
      const cursor = new LineCursor(fd, to, task.size, false);
      for (let line = cursor.next(); line !== null; line = cursor.next()) {
        at++;
        for (const event of parser.push(line, at)) addEvent(event, at, stage, emit);
        if (parser.idle) break;
      }
      seams.syncLine = at;
      seams.syncOffset = cursor.offset;
    }
    if (seams.syncOffset >= task.size) {
      for (const event of parser.end()) addEvent(event, seams.syncLine + 1, stage, emit);
      seams.ended = true;
    }
    return seams;
  } finally {
    closeSync(fd);
  }
}

/** scanChunk, its events collected. */
export function parseChunk(
  task: ChunkTask,
  stage: RecordStage,
  reader: ChunkReader,
  from?: number,
): ChunkResult {
  const events: ChunkEvent[] = [];
  const seams = scanChunk(task, stage, reader, (event) => events.push(event), from);
  return { ...seams, events };
}
