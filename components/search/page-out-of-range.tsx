import Link from 'next/link';
import { withPage } from '@/lib/web/facet-url';
import type { PageLinksProps } from './pagination';
import { searchHref } from '@/lib/web/search-url';
import { plural } from '@/lib/web/format';
import { lastPage } from '@/lib/web/page-window';

/** A page past the last one: say so, and link to the last page. */
export function PageOutOfRange({ state, total, perPage }: PageLinksProps) {
  const last = lastPage(total, perPage);
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
