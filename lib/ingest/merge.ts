import type { Forum } from '../posts/schema';
import type { IdentifiedPost } from './identify';

/** Which of two readings of the same post has the newer counts: later activity, then more views, then the later read. */
function isNewer(candidate: IdentifiedPost, existing: IdentifiedPost): boolean {
  const a = candidate.activity ?? '';
  const b = existing.activity ?? '';
  if (a !== b) return a > b;
  if (candidate.views !== existing.views) return candidate.views > existing.views;
  return true;
}

/** What ingest events are merged into: the PostMerger, or (in the benchmark) something that only counts. */
export interface PostCollector<T extends IdentifiedPost = IdentifiedPost> {
  /** Add a reading; returns `accepted` for a new post, `merged` when it repeats one already read. */
  add(post: T): 'accepted' | 'merged';
  /** Merge a reading into the post already read with its id; false when there is none. */
  addRepeat(post: IdentifiedPost): boolean;
}

/** The forums of `a`, then those of `b` it lacks; `a` itself when `b` adds none. */
function unionForums(a: readonly Forum[], b: readonly Forum[]): Forum[] {
  const added = b.filter((f) => !a.some((g) => g.kind === f.kind && g.name === f.name));
  return added.length === 0 ? (a as Forum[]) : [...a, ...added];
}

/**
 * Collects identified posts (or enriched ones: anything with an id), merging repeated readings of one post
 * (same id) into one record that keeps the newest counts and the source of its first reading.
 */
export class PostMerger<T extends IdentifiedPost = IdentifiedPost> implements PostCollector<T> {
  private readonly byId = new Map<string, T>();

  /** Add a reading; returns `accepted` for a new post, `merged` when it repeats one already read. */
  add(post: T): 'accepted' | 'merged' {
    if (this.addRepeat(post)) return 'merged';
    this.byId.set(post.id, post);
    return 'accepted';
  }

  /**
   * Merge a reading into the post already read with its id; false when there is none. The newer reading's counts
   * win (see `isNewer`); forums are the union of both, in the order first seen; a creation month, once known, stays;
   * so does a thread id: the first reading's, else the first later one that has one. Two different ids for one
   * post (the same title and body linked to two threads) keep the first: no reading is lost by that, as the
   * post is the same, so nothing is counted.
   */
  addRepeat(post: IdentifiedPost): boolean {
    const existing = this.byId.get(post.id);
    if (!existing) return false;
    const forums = unionForums(existing.forums, post.forums);
    const created = existing.created ?? post.created;
    const threadId = existing.threadId ?? post.threadId;
    if (isNewer(post, existing)) {
      this.byId.set(post.id, {
        ...existing,
        replies: post.replies,
        boosts: post.boosts,
        views: post.views,
        activity: post.activity ?? existing.activity,
        created,
        forums,
        threadId,
      });
    } else if (forums !== existing.forums || created !== existing.created || threadId !== existing.threadId) {
      this.byId.set(post.id, { ...existing, created, forums, threadId });
    }
    return true;
  }

  /** The post merged so far under this id, if any. */
  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** The distinct posts, in the order they were first read. */
  posts(): T[] {
    return [...this.byId.values()];
  }

  /** How many distinct posts. */
  get size(): number {
    return this.byId.size;
  }
}
