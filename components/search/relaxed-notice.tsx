import type { SearchState } from '@/lib/web/search-params';
import { searchHref } from '@/lib/web/search-url';

type Props = { state: SearchState; words: readonly string[] };

/** Says that no thread has every word, which words the threads shown do without, and links the strict search. */
export function RelaxedNotice({ state, words }: Props) {
  return (
    <p className="notice relaxed-notice" role="status">
      No thread has every word. Showing threads without: {words.join(', ')}.{' '}
      <a href={searchHref({ ...state, page: 1, strict: true })}>Require every word</a>
    </p>
  );
}
