import Link from 'next/link';
import type { Post } from '@/lib/posts/schema';
import { excerpt } from '@/lib/web/format';
import { postHref } from '@/lib/web/post-links';
import { PostChips } from './post-chips';
import { PostStats } from './post-stats';
import { withIdentifierBreaks } from '@/lib/web/identifier-breaks-html';

type Props = {
  post: Post;
  topicNames: Record<string, string>;
  /** Escaped HTML of the title with `<mark>`s (from the engine); the plain title otherwise. */
  titleHtml?: string;
  /** Escaped HTML snippet with `<mark>`s (from the engine); an excerpt of the body otherwise. */
  snippetHtml?: string;
  /** What the thread page marks: the hit's `?hl=` value. */
  highlight?: string;
  headingLevel?: 'h2' | 'h3';
};

/** One thread in a list: linked title, snippet, statistics and tags. */
export function PostCard({
  post,
  topicNames,
  titleHtml,
  snippetHtml,
  highlight = '',
  headingLevel = 'h3',
}: Props) {
  const Heading = headingLevel;
  return (
    <li className="hit">
      <Heading>
        <Link href={postHref(post.slug, highlight)}>
          {titleHtml ? (
            <span dangerouslySetInnerHTML={{ __html: withIdentifierBreaks(titleHtml) }} />
          ) : (
            post.title
          )}
        </Link>
      </Heading>
      {snippetHtml ? (
        <p className="snippet" dangerouslySetInnerHTML={{ __html: withIdentifierBreaks(snippetHtml) }} />
      ) : (
        <p className="snippet">{excerpt(post.body, 240)}</p>
      )}
      <PostStats post={post} />
      <PostChips post={post} topicNames={topicNames} />
    </li>
  );
}
