import Link from 'next/link';
import { withPage } from '@/lib/web/facet-url';
import { formatCount } from '@/lib/web/format';
import { lastPage } from '@/lib/web/page-window';
import type { SearchState } from '@/lib/web/search-params';
import { searchHref } from '@/lib/web/search-url';

type Props = { state: SearchState; total: number; tookMs: number; page: number; perPage: number };

/** ` · 0.8 ms` with one decimal; nothing when the engine did not time it (0, or not a finite number). */
export function searchTime(tookMs: number): string {
  return Number.isFinite(tookMs) && tookMs > 0 ? ` · ${Math.max(tookMs, 0.1).toFixed(1)} ms` : '';
}

/**
 * How many threads matched, which ones are shown, and how long the search took; announced politely. On a page
 * past the last, the count says there is no such page and links to the last one, so it never reads as if the
 * empty list held the matches.
 */
export function ResultSummary({ state, total, tookMs, page, perPage }: Props) {
  const first = (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  const noun = total === 1 ? 'thread' : 'threads';
  if (total > 0 && first > total) {
    const final = lastPage(total, perPage);
    return (
      <p className="result-count" role="status" aria-live="polite">
        <strong>{formatCount(total)}</strong> {noun} — there is no page {formatCount(page)}; the last is{' '}
        <Link href={searchHref(withPage(state, final))}>page {formatCount(final)}</Link>
      </p>
    );
  }
  return (
    <p className="result-count" role="status" aria-live="polite">
      <strong>{formatCount(total)}</strong> {noun}
      {total > perPage && first <= last ? ` (showing ${first}–${last})` : ''}
      {searchTime(tookMs)}
    </p>
  );
}
