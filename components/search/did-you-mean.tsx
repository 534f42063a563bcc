import Link from 'next/link';
import { withQuery } from '@/lib/web/facet-url';
import type { SearchState } from '@/lib/web/search-params';
import { searchHref } from '@/lib/web/search-url';

type Props = { state: SearchState; suggestion: string };

/** “Did you mean <the corrected query>?”, linking its search with the same filters. */
export function DidYouMeanLink({ state, suggestion }: Props) {
  return (
    <>
      Did you mean{' '}
      <Link href={searchHref(withQuery(state, suggestion))} data-testid="did-you-mean">
        <strong>{suggestion}</strong>
      </Link>
      ?
    </>
  );
}

/** Above few or partial results: the corrected query, which finds more threads with every word. */
export function DidYouMeanNotice(props: Props) {
  return (
    <p className="notice did-you-mean" role="status">
      <DidYouMeanLink {...props} />
    </p>
  );
}
