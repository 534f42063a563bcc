import type { Forum, Post } from '../posts/schema';
import type { PostEnricher } from './enrich';
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
  | { kind: 'header'; file: string; line: number; forum?: Forum; lastColumn?: 'Activity' | 'Created' };

/**
 * What a file's page header says of the records after it: the forum listed (as the one-item list that most of its
 * posts get as their forums, shared by them all, or empty), and what its date column is.
 */
export type PageContext = { forums: readonly Forum[]; created: boolean };

/**
 * Where ingest events land: the merger of distinct posts, the current file's counts, the run's report, and the
 * page context of the current file (from its header lines, in file order).
 */
export type IngestSink = {
  merger: PostCollector<Post>;
  counts: FileCounts;
  report: IngestReport;
  page: PageContext;
};

/** The context of a file before any header: no forum named, the date column is the activity. */
export function newPageContext(): PageContext {
  return { forums: [], created: false };
}

/**
 * Give a reading what its page's header says: the page's forum first among its forums (a `Topic:` line's come
 * after), and on a page whose last column is `Created`, its date as the creation month, not the activity.
 */
export function attributePage<T extends IdentifiedPost>(post: T, page: PageContext): T {
  const forum = page.forums[0];
  if (forum) {
    // A post with no forums of its own (nearly all) gets the page's list itself: no array per post.
    if (post.forums.length === 0) post.forums = page.forums as Forum[];
    else if (!post.forums.some((f) => f.kind === forum.kind && f.name === forum.name))
      post.forums = [forum, ...post.forums];
  }
  if (page.created && post.created === null) {
    post.created = post.activity;
    post.activity = null;
  }
  return post;
}

/** Run a parse event's record through the per-record stages (validate → identify → enrich) on this thread. */
export function toIngestEvent(event: ParseEvent, stage: RecordStage): IngestEvent {
  if (event.kind === 'header') return event;
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
export function applyIngestEvent(event: IngestEvent, sink: IngestSink, enricher: PostEnricher): void {
  const { merger, counts, report } = sink;
  if (event.kind === 'header') {
    counts.headerLines++;
    report.headerLines++;
    if (event.forum) sink.page.forums = Object.freeze([event.forum]);
    if (event.lastColumn) sink.page.created = event.lastColumn === 'Created';
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
    counts[merger.add(attributePage(event.post, sink.page))]++;
  } else if (merger.addRepeat(attributePage(event.post, sink.page))) {
    counts.merged++;
  } else {
    // A repeat carries no enrichment: its first reading was merged before it nearly always, but never trust that.
    counts[merger.add(enricher.enrich(event.post))]++;
  }
}
