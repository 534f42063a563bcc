import type { Post } from '@/lib/posts/schema';
import { appleForumsSearchUrl } from '@/lib/web/apple-forums';
import { plural } from '@/lib/web/format';

/** Where the replies are: the thread on the Apple Developer Forums, found by its exact title. */
export function OriginalThread({ post }: { post: Post }) {
  const replies = post.replies === 0 ? 'No replies yet' : `The ${plural(post.replies, 'reply', 'replies')}`;
  return (
    <p className="original-thread">
      {replies}
      {post.replies === 0 ? ' here; answers appear' : ' live'} on the Apple Developer Forums.{' '}
      <a href={appleForumsSearchUrl(post.title)} rel="external noopener">
        Find this thread on Apple Developer Forums
      </a>
    </p>
  );
}
