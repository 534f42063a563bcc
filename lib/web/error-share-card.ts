import type { ShareCardData } from '@/components/og/share-card';
import type { SearchResult } from '@/lib/search/types';
import type { ErrorCodeRoute } from './error-code-route';
import { plural } from './format';

/** How many API classes and topics an error code's card names, the most frequent first. */
const TOP_APIS = 6;
const TOP_TOPICS = 2;

/** The `n` values with the highest counts, ties in name order. */
function top(counts: Record<string, number>, n: number): string[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, n)
    .map(([value]) => value);
}

/**
 * The link-preview card of an error code's page: the code and its symbol, its domain and meaning when the
 * catalog knows it, how many forum threads mention it, their most frequent topics and API classes.
 */
export function errorShareCard(
  { code, entry }: ErrorCodeRoute,
  threads: Pick<SearchResult, 'total' | 'facets'>,
  topicNames: Record<string, string>,
): ShareCardData {
  return {
    kicker: entry ? entry.domain : 'Error code',
    title: entry?.symbol ? `${code} ${entry.symbol}` : code,
    subtitle: entry ? entry.meaning : 'Not in our catalog yet.',
    facts: [
      `${plural(threads.total, 'thread', 'threads')} on Apple Developer Forums`,
      ...top(threads.facets.topic, TOP_TOPICS).map((slug) => topicNames[slug] ?? slug),
    ],
    tags: top(threads.facets.api, TOP_APIS),
  };
}
