import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ThreadList } from '@/components/posts/thread-list';
import { EngineUnavailable } from '@/components/status-notices';
import { apiDocumentationUrl } from '@/lib/enrich/api-classes';
import { canonicalFacetValue, threadsWith } from '@/lib/web/browse';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { facetLabels } from '@/lib/web/labels';
import { apiHref, facetSearchHref } from '@/lib/web/post-links';
import { Breadcrumb } from '@/components/browse/breadcrumb';
import { Breakable } from '@/components/breakable';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ name: string }> };

const API_NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,99}$/;

/** The API name of a URL segment, or null when it cannot be one. */
async function apiName(params: Props['params']): Promise<string | null> {
  const { name } = await params;
  let decoded: string;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    return null;
  }
  return API_NAME.test(decoded) ? decoded : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const name = await apiName(params);
  if (!name) return { title: 'API not found' };
  return {
    title: name,
    description: `Network Extension forum threads about ${name}, and Apple's documentation for it.`,
    alternates: { canonical: apiHref(name) },
  };
}

/** One API: a link to Apple's documentation and the threads about it. */
export default async function ApiPage({ params }: Props) {
  const name = await apiName(params);
  if (!name) notFound();
  const result = await unlessEngineDown(threadsWith('api', name));
  if (result === ENGINE_DOWN) return <EngineUnavailable />;
  const canonical = await unlessEngineDown(canonicalFacetValue('api', name));
  if (typeof canonical === 'string' && canonical !== name) permanentRedirect(apiHref(canonical));
  if (result.total === 0) notFound();
  return (
    <article aria-labelledby="api-title">
      <Breadcrumb parent={{ href: '/apis', label: 'API classes' }} current={name} />
      <h1 id="api-title">
        <code>
          <Breakable text={name} />
        </code>
      </h1>
      <p>
        <a href={apiDocumentationUrl(name)} rel="external noopener">
          Apple’s documentation for <Breakable text={name} />
        </a>
      </p>
      <ThreadList
        result={result}
        topicNames={facetLabels().topic}
        searchHref={facetSearchHref('api', name)}
        heading={`Threads about ${name}`}
      />
    </article>
  );
}
