import Link from 'next/link';
import { SORTS } from '@/lib/search/types';
import { withSort } from '@/lib/web/facet-url';
import type { SearchState } from '@/lib/web/search-params';
import { searchHref } from '@/lib/web/search-url';
import { SORT_LABELS } from '@/lib/web/site-config';

/** The sort orders as links; the current one marked. */
export function SortLinks({ state }: { state: SearchState }) {
  return (
    <nav aria-label="Sort results">
      <ul className="sort-links">
        {SORTS.map((sort) => (
          <li key={sort}>
            <Link
              href={searchHref(withSort(state, sort))}
              aria-current={state.sort === sort ? 'true' : undefined}
              prefetch={false}
              scroll={false}
              rel="nofollow"
            >
              {SORT_LABELS[sort]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
