import Link from 'next/link';
import { clearFilters } from '@/lib/web/facet-url';
import type { SearchState } from '@/lib/web/search-params';
import { hasFilters, searchHref } from '@/lib/web/search-url';
import { DidYouMeanLink } from './did-you-mean';

/** No thread matched: say so, offer the corrected query and the search without its filters. */
export function NoResults({ state, suggestion }: { state: SearchState; suggestion?: string | undefined }) {
  return (
    <div className="notice" role="status">
      <h2>No threads match{state.q ? <> “{state.q}”</> : null}</h2>
      <ul>
        {suggestion ? (
          <li>
            <DidYouMeanLink state={state} suggestion={suggestion} />
          </li>
        ) : null}
        {hasFilters(state) ? (
          <li>
            <Link href={searchHref(clearFilters(state))}>
              {state.q ? <>Search “{state.q}” without filters</> : 'Remove all filters'}
            </Link>
          </li>
        ) : null}
        <li>Try fewer words, an error code such as -9836, or an API name such as NWConnection.</li>
      </ul>
    </div>
  );
}
