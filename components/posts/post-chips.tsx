import Link from 'next/link';
import type { Post } from '@/lib/posts/schema';
import { facetSearchHref } from '@/lib/web/post-links';
import { Breakable } from '@/components/breakable';

type Props = { post: Post; topicNames: Record<string, string>; max?: number };

/** Topics, API classes and error codes of a thread as chips linking to the matching search. */
export function PostChips({ post, topicNames, max = 6 }: Props) {
  const chips = [
    ...post.topics.map((t) => ({
      key: `t-${t}`,
      kind: 'Topic',
      text: topicNames[t] ?? t,
      href: facetSearchHref('topic', t),
    })),
    ...post.errorCodes.map((c) => ({
      key: `c-${c}`,
      kind: 'Code',
      text: c,
      href: facetSearchHref('code', c),
    })),
    ...post.apiClasses.map((a) => ({ key: `a-${a}`, kind: 'API', text: a, href: facetSearchHref('api', a) })),
  ];
  if (chips.length === 0) return null;
  const shown = chips.slice(0, max);
  return (
    <ul className="chips" aria-label="Tags">
      {shown.map((c) => (
        <li key={c.key}>
          <Link className="chip" href={c.href} prefetch={false}>
            <span className="kind">{c.kind}:</span> <Breakable text={c.text} />
          </Link>
        </li>
      ))}
      {chips.length > max ? <li className="chip">+{chips.length - max} more</li> : null}
    </ul>
  );
}
