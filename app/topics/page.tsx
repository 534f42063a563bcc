import type { Metadata } from 'next';
import Link from 'next/link';
import { EngineUnavailable } from '@/components/status-notices';
import { facetCounts } from '@/lib/web/browse';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { safeTopics } from '@/lib/web/labels';
import { topicHref } from '@/lib/web/post-links';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Topics',
  description:
    'Network Extension threads by topic: VPN, content filters, DNS, hotspots, push providers and more.',
  alternates: { canonical: '/topics' },
};

/** The topic taxonomy with thread counts. */
export default async function TopicsPage() {
  const counts = await unlessEngineDown(facetCounts('topic'));
  if (counts === ENGINE_DOWN) return <EngineUnavailable />;
  const topics = safeTopics();
  return (
    <>
      <h1>Topics</h1>
      <ul className="hits">
        {topics.map((t) => (
          <li key={t.slug} className="hit">
            <h2 style={{ fontSize: '1.0625rem', margin: 0 }}>
              <Link href={topicHref(t.slug)}>{t.name}</Link>{' '}
              <span className="count">({counts[t.slug] ?? 0})</span>
            </h2>
            <p className="snippet">{t.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
