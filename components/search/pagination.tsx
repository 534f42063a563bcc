import Link from 'next/link';
import { withPage } from '@/lib/web/facet-url';
import { lastPage, pageWindow } from '@/lib/web/page-window';
import type { SearchState } from '@/lib/web/search-params';

/** What page links read: the search state, how many results, how many a page. */
export type PageLinksProps = { state: SearchState; total: number; perPage: number };
import { searchHref } from '@/lib/web/search-url';

/** Previous/next and numbered page links. */
export function Pagination({ state, total, perPage }: PageLinksProps) {
  const last = lastPage(total, perPage);
  if (last <= 1) return null;
  const current = Math.min(state.page, last);
  const href = (page: number) => searchHref(withPage(state, page));
  return (
    <nav className="pagination" aria-label="Pages">
      <ul>
        {current > 1 ? (
          <li>
            <Link href={href(current - 1)} rel="prev">
              ← Previous
            </Link>
          </li>
        ) : null}
        {pageWindow(current, last).map((page, i) =>
          page === 0 ? (
            <li key={`gap-${i}`}>
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li key={page}>
              <Link href={href(page)} aria-current={page === current ? 'page' : undefined}>
                <span className="visually-hidden">Page </span>
                {page}
              </Link>
            </li>
          ),
        )}
        {current < last ? (
          <li>
            <Link href={href(current + 1)} rel="next">
              Next →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
