import Link from 'next/link';
import { withPage } from '@/lib/web/facet-url';
import type { SearchState } from '@/lib/web/search-params';
import { searchHref } from '@/lib/web/search-url';
import { plural } from '@/lib/web/format';

/** A page past the last one: say so, and link to the last page. */
export function PageOutOfRange({
  state,
  total,
  perPage,
}: {
  state: SearchState;
  total: number;
  perPage: number;
}) {
  const last = Math.max(1, Math.ceil(total / perPage));
  return (
    <div className="notice" role="status">
      <h2>There is no page {state.page}</h2>
      <p>
        {plural(total, 'thread', 'threads')} fill {plural(last, 'page', 'pages')}.{' '}
        <Link href={searchHref(withPage(state, last))}>Go to page {last}, the last</Link>
      </p>
    </div>
  );
}
