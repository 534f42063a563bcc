import type { Post } from '../posts/schema';
import type { Enricher } from './enrich';
import type { IdentifiedPost } from './identify';
import type { PostCollector } from './merge';
import type { ParseEvent } from './parse';
import type { RecordStage } from './record-stage';
import type { FileCounts, IngestReport } from './report';

/** What the ingest makes of a file, event by event in file order, with file and absolute line numbers. */
export type IngestEvent =
  | { kind: 'post'; post: Post }
  | { kind: 'repeat'; post: IdentifiedPost }
  | { kind: 'reject'; file: string; line: number; reason: string }
  | { kind: 'skip'; file: string; line: number; reason: string }
  | { kind: 'header'; file: string; line: number };

/** Where ingest events land: the merger of distinct posts, the current file's counts and the run's report. */
export type IngestSink = { merger: PostCollector<Post>; counts: FileCounts; report: IngestReport };

/** Run a parse event's record through the per-record stages (validate → identify → enrich) on this thread. */
export function toIngestEvent(event: ParseEvent, stage: RecordStage): IngestEvent {
  if (event.kind === 'header') return { kind: 'header', file: event.file, line: event.line };
  if (event.kind !== 'record')
    return { kind: event.kind, file: event.file, line: event.line, reason: event.reason };
  const result = stage.resolve(event.record);
  if (result.kind !== 'reject') return result;
  const { file, line } = event.record.source;
  return { kind: 'reject', file, line, reason: result.reason };
}

/**
 * Account for one event: a header or banner line is counted (never a record); a skipped line is listed; every record is read, then rejected (listed with its line),
 * accepted (a new post) or merged (a repeat of one already read). The serial and the parallel ingest, and the
 * benchmark, all account through this one function.
 */
export function applyIngestEvent(event: IngestEvent, sink: IngestSink, enricher: Enricher): void {
  const { merger, counts, report } = sink;
  if (event.kind === 'header') {
    report.headerLines++;
    return;
  }
  if (event.kind === 'skip') {
    report.skipped.push({ file: event.file, line: event.line, reason: event.reason });
    return;
  }
  counts.read++;
  if (event.kind === 'reject') {
    counts.rejected++;
    report.rejects.push({ file: event.file, line: event.line, reason: event.reason });
  } else if (event.kind === 'post') {
    counts[merger.add(event.post)]++;
  } else if (merger.addRepeat(event.post)) {
    counts.merged++;
  } else {
    // A repeat carries no enrichment: its first reading was merged before it nearly always, but never trust that.
    counts[merger.add(enricher.enrich(event.post))]++;
  }
}
