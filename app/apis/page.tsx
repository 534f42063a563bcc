import type { Metadata } from 'next';
import { EngineUnavailable } from '@/components/status-notices';
import { facetCounts } from '@/lib/web/browse';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { apiHref } from '@/lib/web/post-links';
import { CodeRowHeader, ThreadsColumnHeader } from '@/components/browse/catalog-cells';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'API classes',
  description: 'Apple networking APIs discussed in Network Extension threads, with thread counts.',
  alternates: { canonical: '/apis' },
};

/** Every API class mentioned in threads, most discussed first. */
export default async function ApisPage() {
  const counts = await unlessEngineDown(facetCounts('api'));
  if (counts === ENGINE_DOWN) return <EngineUnavailable />;
  const apis = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'));
  return (
    <>
      <h1>API classes</h1>
      <p className="prose">
        The classes, functions and options threads talk about, with how many threads mention each.
      </p>
      <table className="catalog-table">
        <caption className="visually-hidden">API classes and thread counts</caption>
        <thead>
          <tr>
            <th scope="col">API</th>
            <ThreadsColumnHeader />
          </tr>
        </thead>
        <tbody>
          {apis.map(([name, n]) => (
            <tr key={name}>
              <CodeRowHeader href={apiHref(name)} code={name} />
              <td className="num">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
