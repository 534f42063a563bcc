import type { Post, RawPost } from '../posts/schema';
import { enrichPost, type EnrichContext } from './enrich';
import { identify, type IdentifiedPost } from './identify';
import type { ParsedRecord } from './parse';
import { rawPostIfValid } from './post-checks';
import { validateRecord } from './validate';

/** What enrichment adds to a record's RawPost fields: identity, topics, API classes, OS versions, codes. */
export type Enrichment = Omit<Post, keyof RawPost>;

/**
 * What the per-record stages make of one parsed record, compact enough to send between threads: when the
 * record's RawPost is `rawPostIfValid(record)` (nearly always), only what identify and enrich add travels
 * (`enriched`, or `repeated` for a post this stage has already enriched); otherwise the whole post does.
 */
export type RecordResult =
  | { kind: 'reject'; reason: string }
  | { kind: 'enriched'; fields: Enrichment }
  | { kind: 'repeated'; id: string; slug: string }
  | { kind: 'post'; post: Post }
  | { kind: 'repeat'; post: IdentifiedPost };

/** A record's result with its post whole again: an enriched post, a repeat (identified only), or a rejection. */
export type ResolvedResult =
  | { kind: 'post'; post: Post }
  | { kind: 'repeat'; post: IdentifiedPost }
  | { kind: 'reject'; reason: string };

/** The enrichment fields of a post, in its key order. */
function enrichmentOf(post: Post): Enrichment {
  return {
    id: post.id,
    slug: post.slug,
    topics: post.topics,
    apiClasses: post.apiClasses,
    osVersions: post.osVersions,
    os: post.os,
    errorCodes: post.errorCodes,
    errorCodeVariants: post.errorCodeVariants,
    feedbackIds: post.feedbackIds,
  };
}

/**
 * The pure per-record stages, validate → identify → enrich, for one ordered stream of records (one worker's
 * share, or the whole input). Enrichment depends only on the title and body, so a reading whose id this stage
 * has already enriched is returned as a repeat and not enriched twice.
 */
export class RecordStage {
  private readonly enriched = new Set<string>();

  constructor(private readonly context: EnrichContext) {}

  /** Run the stages on one record. */
  run(record: ParsedRecord): RecordResult {
    const raw = rawPostIfValid(record);
    let post: IdentifiedPost;
    if (raw) {
      post = identify(raw);
    } else {
      const validated = validateRecord(record);
      if (!validated.ok) return { kind: 'reject', reason: validated.reason };
      post = identify(validated.post);
    }
    if (this.enriched.has(post.id))
      return raw ? { kind: 'repeated', id: post.id, slug: post.slug } : { kind: 'repeat', post };
    this.enriched.add(post.id);
    const full = enrichPost(post, this.context);
    return raw ? { kind: 'enriched', fields: enrichmentOf(full) } : { kind: 'post', post: full };
  }

  /** Run the stages on a batch of records, in order. */
  runAll(records: readonly ParsedRecord[]): RecordResult[] {
    return records.map((record) => this.run(record));
  }
}

/** Rebuild the whole post of a record's result (on the thread that holds the record). */
export function resolveResult(record: ParsedRecord, result: RecordResult): ResolvedResult {
  if (result.kind !== 'enriched' && result.kind !== 'repeated') return result;
  const raw = rawPostIfValid(record);
  if (!raw) throw new Error(`record at ${record.source.file}:${record.source.line} changed between threads`);
  const { title, body, replies, boosts, views, activity, source } = raw;
  if (result.kind === 'repeated') {
    const { id, slug } = result;
    return { kind: 'repeat', post: { title, body, replies, boosts, views, activity, source, id, slug } };
  }
  const f = result.fields;
  // Property by property, in Post's key order: V8 builds this far faster than `{ ...raw, ...f }`.
  const post: Post = {
    title,
    body,
    replies,
    boosts,
    views,
    activity,
    source,
    id: f.id,
    slug: f.slug,
    topics: f.topics,
    apiClasses: f.apiClasses,
    osVersions: f.osVersions,
    os: f.os,
    errorCodes: f.errorCodes,
    errorCodeVariants: f.errorCodeVariants,
    feedbackIds: f.feedbackIds,
  };
  return { kind: 'post', post };
}
