import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ThreadList } from '@/components/posts/thread-list';
import { EngineUnavailable } from '@/components/status-notices';
import { renderEntryHtml } from '@/lib/catalog/entry-html';
import { codeSlug } from '@/lib/catalog/error-catalog';
import { threadsWith } from '@/lib/web/browse';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { facetLabels, safeErrorCatalog } from '@/lib/web/labels';
import { errorHref, facetSearchHref } from '@/lib/web/post-links';
import { Breadcrumb } from '@/components/browse/breadcrumb';
import { shareMetadata } from '@/lib/web/share-metadata';
import { Breakable } from '@/components/breakable';
import { withIdentifierBreaks } from '@/lib/web/identifier-breaks-html';
import { resolveErrorSegment, safeDecode } from '@/lib/web/error-code-route';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }> };

/** The catalog entry and canonical code for a URL segment in any written form. */
const resolve = (segment: string) => resolveErrorSegment(segment, safeErrorCatalog());

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = resolve((await params).code);
  if (!found) return { title: 'Error code not found' };
  const { code, entry } = found;
  const title = entry?.symbol ? `${code} ${entry.symbol}` : code;
  const description = entry ? `${code} (${entry.domain}): ${entry.meaning}` : `Threads mentioning ${code}.`;
  return {
    title,
    description,
    alternates: { canonical: errorHref(code) },
    ...shareMetadata({ type: 'article', title, description, url: errorHref(code) }),
  };
}

/** One error code: its catalog entry rendered from markdown, and every thread that mentions it in any form. */
export default async function ErrorCodePage({ params }: Props) {
  const segment = (await params).code;
  const found = resolve(segment);
  if (!found) notFound();
  const { code, entry } = found;
  if (segment !== codeSlug(code) && safeDecode(segment) !== codeSlug(code))
    permanentRedirect(errorHref(code));
  const result = await unlessEngineDown(threadsWith('code', code));
  if (result === ENGINE_DOWN) return <EngineUnavailable />;
  if (!entry && result.total === 0) notFound();
  return (
    <article aria-labelledby="code-title">
      <Breadcrumb parent={{ href: '/errors', label: 'Error codes' }} current={code} />
      <h1 id="code-title">
        <code>
          <Breakable text={code} />
        </code>
        {entry?.symbol ? (
          <>
            {' '}
            <code>
              <Breakable text={entry.symbol} />
            </code>
          </>
        ) : null}
      </h1>
      {entry ? (
        <>
          <dl className="meta-grid">
            <dt>Domain</dt>
            <dd>{entry.domain}</dd>
            {entry.symbol ? (
              <>
                <dt>Symbol</dt>
                <dd>
                  <code>
                    <Breakable text={entry.symbol} />
                  </code>
                </dd>
              </>
            ) : null}
            <dt>Meaning</dt>
            <dd>{entry.meaning}</dd>
          </dl>
          <div
            className="prose"
            dangerouslySetInnerHTML={{ __html: withIdentifierBreaks(renderEntryHtml(entry)) }}
          />
        </>
      ) : (
        <p>This code is not in our catalog yet.</p>
      )}
      <ThreadList
        result={result}
        topicNames={facetLabels().topic}
        searchHref={facetSearchHref('code', code)}
        heading="Threads mentioning it"
      />
    </article>
  );
}
