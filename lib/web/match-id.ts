/** The id of the n-th (from 1) highlighted match on a thread page: `match-1`. Imports nothing (client-safe). */
export function matchId(n: number): string {
  return `match-${n}`;
}
