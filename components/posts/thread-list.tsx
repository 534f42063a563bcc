import Link from 'next/link';
import type { SearchResult } from '@/lib/search/types';
import { plural } from '@/lib/web/format';
import { PostCard } from './post-card';
import { Breakable } from '@/components/breakable';

type Props = {
  result: SearchResult;
  topicNames: Record<string, string>;
  searchHref: string;
  heading: string;
};

/** The threads of a browse page (error code, API, topic), with a link to the same filter in the search. */
export function ThreadList({ result, topicNames, searchHref, heading }: Props) {
  return (
    <section aria-labelledby="threads-heading">
      <h2 id="threads-heading">
        <Breakable text={heading} />{' '}
        <span className="count">({plural(result.total, 'thread', 'threads')})</span>
      </h2>
      {result.total === 0 ? (
        <p>No thread mentions it yet.</p>
      ) : (
        <ul className="hits">
          {result.hits.map((hit) => (
            <PostCard key={hit.post.id} post={hit.post} topicNames={topicNames} />
          ))}
        </ul>
      )}
      {result.total > result.hits.length ? (
        <p>
          <Link href={searchHref}>See all {result.total} in the search</Link>
        </p>
      ) : null}
    </section>
  );
}
