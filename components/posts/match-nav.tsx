'use client';

import { useSyncExternalStore } from 'react';
import { matchId } from '@/lib/web/match-id';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** Which match (from 1) a hash such as `#match-3` names, 0 for none. */
function matchOf(hash: string, count: number): number {
  const n = Number(/^#match-(\d+)$/.exec(hash)?.[1] ?? 0);
  return n >= 1 && n <= count ? n : 0;
}

/**
 * "Match n of m" with previous and next links. They are plain `#match-n` links, so the browser scrolls and
 * marks the match (`:target`) with or without JavaScript; with it, the count follows the hash.
 */
export function MatchNav({ count }: { count: number }) {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  const current = matchOf(hash, count);
  const prev = current <= 1 ? count : current - 1;
  const next = current >= count ? 1 : current + 1;
  return (
    <nav className="match-nav" aria-label="Matches">
      <span aria-live="polite">
        {current ? `Match ${current} of ${count}` : `${count} ${count === 1 ? 'match' : 'matches'}`}
      </span>
      <a href={`#${matchId(prev)}`} aria-label="Previous match">
        ↑ Previous
      </a>
      <a href={`#${matchId(next)}`} aria-label="Next match">
        Next ↓
      </a>
    </nav>
  );
}
