import type { Post } from '@/lib/posts/schema';
import { appleForumsSearchUrl, appleForumsThreadUrl } from '@/lib/web/apple-forums';
import { plural } from '@/lib/web/format';

/** The sentence saying where a thread's replies are: they live on the Apple Developer Forums, not here. */
export function repliesSentence(replies: number): string {
  if (replies === 0) return 'No replies when captured; any answers are on the Apple Developer Forums.';
  if (replies === 1) return 'The reply lives on the Apple Developer Forums.';
  return `The ${plural(replies, 'reply', 'replies')} live on the Apple Developer Forums.`;
}

/**
 * Where the replies are: the thread itself on the Apple Developer Forums when its capture carried the thread's
 * URL, else the forum's search for its exact title.
 */
export function OriginalThread({ post }: { post: Post }) {
  return (
    <p className="original-thread">
      {repliesSentence(post.replies)}{' '}
      {post.threadId ? (
        <a href={appleForumsThreadUrl(post.threadId)} rel="external noopener">
          Open this thread on Apple Developer Forums
        </a>
      ) : (
        <a href={appleForumsSearchUrl(post.title)} rel="external noopener">
          Find this thread on Apple Developer Forums
        </a>
      )}
    </p>
  );
}
