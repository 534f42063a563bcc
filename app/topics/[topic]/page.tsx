import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ThreadList } from '@/components/posts/thread-list';
import { EngineUnavailable } from '@/components/status-notices';
import { topicBySlug } from '@/lib/catalog/topics';
import { renderMarkdown } from '@/lib/markdown/render';
import { threadsWith } from '@/lib/web/browse';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { facetLabels, safeTopics } from '@/lib/web/labels';
import { facetSearchHref, topicHref } from '@/lib/web/post-links';
import { Breadcrumb } from '@/components/browse/breadcrumb';
import { withIdentifierBreaks } from '@/lib/web/identifier-breaks-html';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = topicBySlug(safeTopics(), (await params).topic);
  if (!topic) return { title: 'Topic not found' };
  return {
    title: topic.name,
    description: topic.description,
    alternates: { canonical: topicHref(topic.slug) },
  };
}

/** One topic: its description from the taxonomy and its threads. */
export default async function TopicPage({ params }: Props) {
  const topic = topicBySlug(safeTopics(), (await params).topic);
  if (!topic) notFound();
  const result = await unlessEngineDown(threadsWith('topic', topic.slug));
  if (result === ENGINE_DOWN) return <EngineUnavailable />;
  return (
    <article aria-labelledby="topic-title">
      <Breadcrumb parent={{ href: '/topics', label: 'Topics' }} current={topic.name} />
      <h1 id="topic-title">{topic.name}</h1>
      <p className="prose">{topic.description}</p>
      <div
        className="prose"
        dangerouslySetInnerHTML={{ __html: withIdentifierBreaks(renderMarkdown(topic.bodyMarkdown)) }}
      />
      <ThreadList
        result={result}
        topicNames={facetLabels().topic}
        searchHref={facetSearchHref('topic', topic.slug)}
        heading="Threads"
      />
    </article>
  );
}
