import type { IdentifiedPost } from './identify';

/** Which of two readings of the same post has the newer counts: later activity, then more views, then the later read. */
function isNewer(candidate: IdentifiedPost, existing: IdentifiedPost): boolean {
  const a = candidate.activity ?? '';
  const b = existing.activity ?? '';
  if (a !== b) return a > b;
  if (candidate.views !== existing.views) return candidate.views > existing.views;
  return true;
}

/**
 * Collects identified posts, merging repeated readings of one post (same id) into one record that keeps
 * the newest counts and the source of its first reading.
 */
export class PostMerger {
  private readonly byId = new Map<string, IdentifiedPost>();

  /** Add a reading; returns `accepted` for a new post, `merged` when it repeats one already read. */
  add(post: IdentifiedPost): 'accepted' | 'merged' {
    const existing = this.byId.get(post.id);
    if (!existing) {
      this.byId.set(post.id, post);
      return 'accepted';
    }
    if (isNewer(post, existing)) {
      this.byId.set(post.id, {
        ...existing,
        replies: post.replies,
        boosts: post.boosts,
        views: post.views,
        activity: post.activity,
      });
    }
    return 'merged';
  }

  /** The distinct posts, in the order they were first read. */
  posts(): IdentifiedPost[] {
    return [...this.byId.values()];
  }

  /** How many distinct posts. */
  get size(): number {
    return this.byId.size;
  }
}
