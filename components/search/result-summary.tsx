import { formatCount } from '@/lib/web/format';

type Props = { total: number; tookMs: number; page: number; perPage: number };

/** ` · 0.8 ms` with one decimal; nothing when the engine did not time it (0, or not a finite number). */
export function searchTime(tookMs: number): string {
  return Number.isFinite(tookMs) && tookMs > 0 ? ` · ${Math.max(tookMs, 0.1).toFixed(1)} ms` : '';
}

/** How many threads matched, which ones are shown, and how long the search took; announced politely. */
export function ResultSummary({ total, tookMs, page, perPage }: Props) {
  const first = (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  return (
    <p className="result-count" role="status" aria-live="polite">
      <strong>{formatCount(total)}</strong> {total === 1 ? 'thread' : 'threads'}
      {total > perPage && first <= last ? ` (showing ${first}–${last})` : ''}
      {searchTime(tookMs)}
    </p>
  );
}
