import type { Post } from '../posts/schema';
import type { Enricher } from './enrich';
import { identify, type IdentifiedPost } from './identify';
import type { ParsedRecord } from './parse';
import { rawPostIfValid } from './post-checks';
import { validateRecord } from './validate';

/** What the per-record stages make of a record: an enriched post, a repeat (identified only), or a rejection. */
export type ResolvedResult =
  | { kind: 'post'; post: Post }
  | { kind: 'repeat'; post: IdentifiedPost }
  | { kind: 'reject'; reason: string };

/** Ids a stage remembers as enriched before it starts afresh (keeps a worker's memory flat on any input). */
export const REMEMBERED_IDS = 1 << 17;

/**
 * The pure per-record stages, validate → identify → enrich, for one ordered stream of records (one worker's
 * chunks, or the whole input). Enrichment depends only on the title and body, so a reading whose id this stage
 * has already enriched is returned as a repeat and not enriched twice (the merger keeps the first reading's).
 * It remembers at most REMEMBERED_IDS ids, then forgets them all: a later repeat is enriched again, to the same
 * result, and the merger merges it as a repeat all the same.
 */
export class RecordStage {
  private readonly enriched = new Set<string>();

  constructor(
    readonly enricher: Enricher,
    private readonly remembered = REMEMBERED_IDS,
  ) {}

  /** Run the stages on one record. */
  resolve(record: ParsedRecord): ResolvedResult {
    const raw = rawPostIfValid(record);
    let post: IdentifiedPost;
    if (raw) {
      post = identify(raw);
    } else {
      const validated = validateRecord(record);
      if (!validated.ok) return { kind: 'reject', reason: validated.reason };
      post = identify(validated.post);
    }
    if (this.enriched.has(post.id)) return { kind: 'repeat', post };
    if (this.enriched.size >= this.remembered) this.enriched.clear();
    this.enriched.add(post.id);
    return { kind: 'post', post: this.enricher.enrich(post) };
  }
}
