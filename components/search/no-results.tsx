import Link from 'next/link';
import { clearFilters, withQuery } from '@/lib/web/facet-url';
import type { SearchState } from '@/lib/web/search-params';
import { hasFilters, searchHref } from '@/lib/web/search-url';

/** No thread matched: say so, offer the corrected query and the search without its filters. */
export function NoResults({ state, suggestion }: { state: SearchState; suggestion: string | null }) {
  return (
    <div className="notice" role="status">
      <h2>No threads match{state.q ? <> “{state.q}”</> : null}</h2>
      <ul>
        {suggestion ? (
          <li>
            Did you mean{' '}
            <Link href={searchHref(withQuery(state, suggestion))} data-testid="did-you-mean">
              <strong>{suggestion}</strong>
            </Link>
            ?
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
