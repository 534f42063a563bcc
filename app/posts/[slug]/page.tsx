import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CopyLinkButton } from '@/components/posts/copy-link-button';
import { MatchNav } from '@/components/posts/match-nav';
import { OriginalThread } from '@/components/posts/original-thread';
import { PostBody } from '@/components/posts/post-body';
import { PostCard } from '@/components/posts/post-card';
import { PostFacts } from '@/components/posts/post-facts';
import { PostStats } from '@/components/posts/post-stats';
import { EngineUnavailable } from '@/components/status-notices';
import { renderPostBody } from '@/lib/markdown/render';
import { getSearchEngine } from '@/lib/search/create-engine';
import { absoluteUrl } from '@/lib/web/absolute-url';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { excerpt } from '@/lib/web/format';
import { parseHighlightParam } from '@/lib/search/highlight-query';
import { highlightRenderedHtml, numberMatches } from '@/lib/web/highlight-rendered-html';
import { facetLabels } from '@/lib/web/labels';
import { loadPost } from '@/lib/web/post-loader';
import { relatedPosts } from '@/lib/web/related';
import { shareMetadata } from '@/lib/web/share-metadata';
import { Breadcrumb } from '@/components/browse/breadcrumb';
import { Breakable } from '@/components/breakable';
import { withIdentifierBreaks } from '@/lib/web/identifier-breaks-html';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const post = await loadPost(slug).catch(() => null);
  if (!post) return { title: 'Thread not found' };
  const description = excerpt(post.body, 200);
  const url = `/posts/${post.slug}`;
  return {
    title: post.title,
    description,
    alternates: { canonical: url },
    ...shareMetadata({ type: 'article', title: post.title, description, url }),
  };
}

/** Load the thread and its related threads; null when there is no such thread. */
async function loadThread(slug: string) {
  const post = await loadPost(slug);
  if (!post) return null;
  const related = await relatedPosts(await getSearchEngine(), post);
  return { post, related };
}

/** A thread's permalink: title, counts, facts linking to searches, the body (highlighted), related threads. */
export default async function PostPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { hl } = await searchParams;
  const data = await unlessEngineDown(loadThread(slug));
  if (data === ENGINE_DOWN) return <EngineUnavailable />;
  if (!data) notFound();
  const { post, related } = data;
  const labels = facetLabels();
  const matches = numberMatches(highlightRenderedHtml(renderPostBody(post.body), parseHighlightParam(hl)));
  return (
    <article aria-labelledby="post-title">
      <header className="post-header">
        <Breadcrumb parent={{ href: '/', label: 'Search' }} current="Thread" />
        <h1 id="post-title">
          <Breakable text={post.title} prose />
        </h1>
        <PostStats post={post} />
        <div className="post-actions">
          <CopyLinkButton url={await absoluteUrl(`/posts/${post.slug}`)} />
        </div>
        <OriginalThread post={post} />
        <PostFacts post={post} topicNames={labels.topic} />
      </header>
      {matches.count > 0 ? <MatchNav count={matches.count} /> : null}
      <PostBody html={withIdentifierBreaks(matches.html)} />
      {related.length > 0 ? (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">Related threads</h2>
          <ul className="hits">
            {related.map((r) => (
              <PostCard key={r.id} post={r} topicNames={labels.topic} />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
