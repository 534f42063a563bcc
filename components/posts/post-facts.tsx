import Link from 'next/link';
import type { Post } from '@/lib/posts/schema';
import type { FacetName } from '@/lib/search/types';
import { facetSearchHref } from '@/lib/web/post-links';
import { Breakable } from '@/components/breakable';

/** Chips shown before "show more" in one row. */
const VISIBLE = 8;

type Row = {
  term: string;
  facet: FacetName;
  values: Array<{ value: string; text: string }>;
};

/** Facet values as chips linking to the search filtered by each. */
function ChipList({ facet, values }: { facet: Row['facet']; values: Row['values'] }) {
  return (
    <ul className="chips">
      {values.map((v) => (
        <li key={v.value}>
          <Link className="chip" href={facetSearchHref(facet, v.value)} prefetch={false}>
            <Breakable text={v.text} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A thread's forums as chips, one per name with its kinds: `Network Extension (tag)`. */
function forumChips(post: Post): Row['values'] {
  const kinds = new Map<string, string[]>();
  for (const f of post.forums) kinds.set(f.name, [...(kinds.get(f.name) ?? []), f.kind]);
  return [...kinds].map(([name, k]) => ({ value: name, text: `${name} (${k.join(', ')})` }));
}

/** Topics, API classes, OS versions, error codes and forums of a thread, each a link to the matching search. */
export function PostFacts({ post, topicNames }: { post: Post; topicNames: Record<string, string> }) {
  const rows: Row[] = [
    {
      term: 'Topics',
      facet: 'topic',
      values: post.topics.map((t) => ({ value: t, text: topicNames[t] ?? t })),
    },
    { term: 'API classes', facet: 'api', values: post.apiClasses.map((v) => ({ value: v, text: v })) },
    { term: 'OS versions', facet: 'os', values: post.osVersions.map((v) => ({ value: v, text: v })) },
    { term: 'Error codes', facet: 'code', values: post.errorCodes.map((v) => ({ value: v, text: v })) },
    { term: 'Forums', facet: 'forum', values: forumChips(post) },
  ];
  const shown = rows.filter((r) => r.values.length > 0);
  if (shown.length === 0) return null;
  return (
    <dl className="meta-grid">
      {shown.map((row) => (
        <div key={row.term} className="meta-row">
          <dt>{row.term}</dt>
          <dd>
            <ChipList facet={row.facet} values={row.values.slice(0, VISIBLE)} />
            {row.values.length > VISIBLE ? (
              <details>
                <summary className="show-more">Show {row.values.length - VISIBLE} more</summary>
                <ChipList facet={row.facet} values={row.values.slice(VISIBLE)} />
              </details>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
