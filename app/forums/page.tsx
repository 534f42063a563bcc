import type { Metadata } from 'next';
import Link from 'next/link';
import { EngineUnavailable } from '@/components/status-notices';
import { ThreadsColumnHeader } from '@/components/browse/catalog-cells';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { facetSearchHref } from '@/lib/web/post-links';
import { loadForums } from '@/lib/web/site-forums';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Forums',
  description: 'The Apple Developer Forums listings the threads were read from, with thread counts.',
  alternates: { canonical: '/forums' },
};

/** Every forum of the index (tag, subtopic, topic or event) with its thread count, most threads first. */
export default async function ForumsPage() {
  const forums = await unlessEngineDown(loadForums());
  if (forums === ENGINE_DOWN) return <EngineUnavailable />;
  return (
    <>
      <h1>Forums</h1>
      <p className="prose">
        The forum listings the threads were captured from: tags, subtopics, topics and events. A thread seen
        under several counts in each.
      </p>
      {forums.length === 0 ? (
        <p className="prose">No thread of the index says which forum it came from.</p>
      ) : (
        <table className="catalog-table">
          <caption className="visually-hidden">Forums, their kinds and thread counts</caption>
          <thead>
            <tr>
              <th scope="col">Forum</th>
              <th scope="col">Kind</th>
              <ThreadsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {forums.map((f) => (
              <tr key={f.name}>
                <th scope="row">
                  <Link href={facetSearchHref('forum', f.name)}>{f.name}</Link>
                </th>
                <td>{f.kinds.join(', ')}</td>
                <td className="num">{f.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
