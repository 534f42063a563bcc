import type { Metadata } from 'next';
import { ActiveFilters } from '@/components/search/active-filters';
import { ErrorAnswerCard } from '@/components/search/error-answer-card';
import { FacetPanel } from '@/components/search/facet-panel';
import { carriedParams } from '@/components/search/hidden-state-fields';
import { DidYouMeanNotice } from '@/components/search/did-you-mean';
import { NoResults } from '@/components/search/no-results';
import { PageOutOfRange } from '@/components/search/page-out-of-range';
import { RelaxedNotice } from '@/components/search/relaxed-notice';
import { Pagination } from '@/components/search/pagination';
import { ResultSummary } from '@/components/search/result-summary';
import { SearchBox } from '@/components/search/search-box';
import { SortLinks } from '@/components/search/sort-links';
import { PostCard } from '@/components/posts/post-card';
import { EngineUnavailable, ParamErrorNotice } from '@/components/status-notices';
import { getSearchEngine } from '@/lib/search/create-engine';
import { didYouMean } from '@/lib/search/did-you-mean-search';
import { FACETS } from '@/lib/search/types';
import { ENGINE_DOWN, unlessEngineDown } from '@/lib/web/engine-status';
import { withExpanded } from '@/lib/web/facet-url';
import { errorAnswer } from '@/lib/web/error-answer';
import { facetLabels, safeErrorCatalog } from '@/lib/web/labels';
import { ParamError } from '@/lib/errors';
import { EMPTY_STATE, parseSearchParams, type SearchState } from '@/lib/web/search-params';
import { hasFilters, searchHref, stateToParams, toSearchRequest } from '@/lib/web/search-url';
import { siteConfig } from '@/lib/web/site-config';
import { currentSiteIdentity, loadForums } from '@/lib/web/site-forums';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The state of a request, or the empty state when its parameters are bad (the page shows why). */
function stateOrEmpty(raw: Record<string, string | string[] | undefined>): SearchState {
  try {
    return parseSearchParams(raw).state;
  } catch {
    return EMPTY_STATE;
  }
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const state = stateOrEmpty(await searchParams);
  const qs = stateToParams({ ...withExpanded(state, undefined), page: 1 }).toString();
  const title = state.q
    ? `“${state.q}”`
    : hasFilters(state)
      ? 'Filtered threads'
      : { absolute: (await currentSiteIdentity()).name };
  return {
    title,
    alternates: {
      canonical: searchHref(withExpanded(state, undefined)),
      types: {
        'application/atom+xml': [
          { url: qs ? `/feed.xml?${qs}` : '/feed.xml', title: 'Atom feed of this search' },
        ],
      },
    },
    ...(state.q || hasFilters(state) ? { robots: { index: false, follow: true } } : {}),
  };
}

/** How many filters a state selects (facet values, the OS bound and the activity months). */
function activeCount(state: SearchState): number {
  const bounds = [state.osmin, state.after, state.before].filter(Boolean).length;
  return FACETS.reduce((n, facet) => n + state[facet].length, bounds);
}

/** Run the search of a state, and a did-you-mean when it found no, very few or only partial matches. */
async function runSearch(state: SearchState) {
  const engine = await getSearchEngine();
  const request = toSearchRequest(state, siteConfig.perPage);
  const [result, forums] = await Promise.all([engine.search(request), loadForums()]);
  const suggestion = await didYouMean(engine, request, result);
  return { result, suggestion, forumKinds: Object.fromEntries(forums.map((f) => [f.name, f.kinds])) };
}

/** The search page: rendered on the server from the URL alone. */
export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  let state: SearchState;
  try {
    state = parseSearchParams(raw).state;
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    return (
      <>
        <h1 className="visually-hidden">Search threads</h1>
        <SearchBox q="" hidden={[]} />
        <ParamErrorNotice param={error.param} detail={error.detail} />
      </>
    );
  }

  const data = await unlessEngineDown(runSearch(state));
  if (data === ENGINE_DOWN) return <EngineUnavailable />;
  const { result, suggestion, forumKinds } = data;
  const labels = facetLabels();
  const answer = state.q ? errorAnswer(state.q, safeErrorCatalog()) : null;
  return (
    <>
      <h1 className="visually-hidden">Search threads</h1>
      <SearchBox q={state.q} hidden={carriedParams(state)} />
      <p className="search-hint" id="search-hint">
        Try <code>-9836</code>, <code>NEHotspotHelper</code>, <code>&quot;exact phrase&quot;</code>,{' '}
        <code>api:NWConnection</code>, <code>os:&quot;iOS 18&quot;</code>, <code>-word</code> to exclude.
        Press <kbd>/</kbd> to search, <kbd>Esc</kbd> to clear.
      </p>
      <div className="search-layout">
        <aside aria-labelledby="filters-heading">
          <details className="filters" open={state.expand !== undefined}>
            <summary>Filters{activeCount(state) ? ` (${activeCount(state)} selected)` : ''}</summary>
            <h2 id="filters-heading" className="visually-hidden">
              Filters
            </h2>
            <FacetPanel state={state} facets={result.facets} labels={labels} forumKinds={forumKinds} />
          </details>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          <div className="result-bar">
            <ResultSummary
              state={state}
              total={result.total}
              tookMs={result.tookMs}
              page={result.page}
              perPage={result.perPage}
            />
            {result.total > 0 ? <SortLinks state={state} /> : null}
          </div>
          <ActiveFilters state={state} topicNames={labels.topic} />
          {answer ? <ErrorAnswerCard answer={answer} /> : null}
          {suggestion && result.total > 0 ? <DidYouMeanNotice state={state} suggestion={suggestion} /> : null}
          {result.relaxedWords ? <RelaxedNotice state={state} words={result.relaxedWords} /> : null}
          {result.total === 0 ? (
            <NoResults state={state} suggestion={suggestion} />
          ) : result.hits.length === 0 ? (
            <PageOutOfRange state={state} total={result.total} perPage={result.perPage} />
          ) : (
            <ol className="hits" start={(result.page - 1) * result.perPage + 1}>
              {result.hits.map((hit) => (
                <PostCard
                  key={hit.post.id}
                  post={hit.post}
                  topicNames={labels.topic}
                  titleHtml={hit.titleHtml}
                  snippetHtml={hit.snippet}
                  highlight={hit.highlight}
                />
              ))}
            </ol>
          )}
          <Pagination state={state} total={result.total} perPage={result.perPage} />
        </section>
      </div>
    </>
  );
}
