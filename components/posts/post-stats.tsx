import type { Post } from '@/lib/posts/schema';
import { formatMonth, plural } from '@/lib/web/format';

/** Replies, boosts, views and last activity of a thread. */
export function PostStats({ post }: { post: Post }) {
  return (
    <ul className="stats" aria-label="Thread statistics">
      <li>{plural(post.replies, 'reply', 'replies')}</li>
      <li>{plural(post.boosts, 'boost', 'boosts')}</li>
      <li>{plural(post.views, 'view', 'views')}</li>
      <li>
        Activity <time dateTime={post.activity ?? undefined}>{formatMonth(post.activity)}</time>
      </li>
    </ul>
  );
}
