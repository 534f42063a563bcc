import type { Metadata } from 'next';
import Link from 'next/link';
import { EngineUnavailable } from '@/components/status-notices';
import { facetCounts } from '@/lib/web/browse';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { safeErrorCatalog } from '@/lib/web/labels';
import { errorHref } from '@/lib/web/post-links';
import { CodeRowHeader, ThreadsColumnHeader } from '@/components/browse/catalog-cells';
import { Breakable } from '@/components/breakable';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Error codes',
  description:
    'Error codes seen in Network Extension threads: symbol, domain, meaning and the threads that mention them.',
  alternates: { canonical: '/errors' },
};

/** The error catalog, with how many threads mention each code; codes seen in threads but not catalogued after. */
export default async function ErrorsPage() {
  const counts = await unlessEngineDown(facetCounts('code'));
  if (counts === ENGINE_DOWN) return <EngineUnavailable />;
  const catalog = safeErrorCatalog();
  const entries = [...catalog.entries].sort(
    (a, b) => (counts[b.code] ?? 0) - (counts[a.code] ?? 0) || a.code.localeCompare(b.code, 'en'),
  );
  const uncatalogued = Object.entries(counts)
    .filter(([code]) => !catalog.byCode.has(code))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'));
  return (
    <>
      <h1>Error codes</h1>
      <p className="prose">
        What the codes people paste into their questions mean, and the threads that mention each one. Search
        any form of a code: <code>-9836</code>, <code>9836</code>, <code>errSSLPeerProtocolVersion</code>.
      </p>
      <table className="catalog-table">
        <caption className="visually-hidden">Error code catalog</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Symbol</th>
            <th scope="col">Meaning</th>
            <ThreadsColumnHeader />
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.code}>
              <CodeRowHeader href={errorHref(e.code)} code={e.code} />
              <td>
                {e.symbol ? (
                  <code>
                    <Breakable text={e.symbol} />
                  </code>
                ) : (
                  <span className="count">—</span>
                )}
              </td>
              <td>
                {e.meaning} <span className="count">({e.domain})</span>
              </td>
              <td className="num">{counts[e.code] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {uncatalogued.length > 0 ? (
        <>
          <h2>Also seen in threads</h2>
          <ul className="chips">
            {uncatalogued.map(([code, n]) => (
              <li key={code}>
                <Link className="chip" href={errorHref(code)}>
                  {code} <span className="kind">({n})</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
