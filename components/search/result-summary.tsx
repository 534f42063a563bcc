import { formatCount } from '@/lib/web/format';

type Props = { total: number; tookMs: number; page: number; perPage: number };

/** How many threads matched, which ones are shown, and how long the search took; announced politely. */
export function ResultSummary({ total, tookMs, page, perPage }: Props) {
  const first = (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  return (
    <p className="result-count" role="status" aria-live="polite">
      <strong>{formatCount(total)}</strong> {total === 1 ? 'thread' : 'threads'}
      {total > perPage && first <= last ? ` (showing ${first}–${last})` : ''} · {Math.round(tookMs)} ms
    </p>
  );
}
