import Link from 'next/link';
import { FACETS } from '@/lib/search/types';
import { clearFilters, toggleFacetValue, withActivity, withOsMin } from '@/lib/web/facet-url';
import type { SearchState } from '@/lib/web/search-params';
import { hasFilters, searchHref } from '@/lib/web/search-url';
import { FACET_LABELS } from '@/lib/web/site-config';

/** The selected filters as removable chips, and a link clearing them all. */
export function ActiveFilters({
  state,
  topicNames,
}: {
  state: SearchState;
  topicNames: Record<string, string>;
}) {
  if (!hasFilters(state)) return null;
  const chips = FACETS.flatMap((facet) =>
    state[facet].map((value) => ({
      key: `${facet}:${value}`,
      text: `${FACET_LABELS[facet]}: ${facet === 'topic' ? (topicNames[value] ?? value) : value}`,
      href: searchHref(toggleFacetValue(state, facet, value)),
    })),
  );
  if (state.osmin) {
    chips.push({ key: 'osmin', text: `OS ≥ ${state.osmin}`, href: searchHref(withOsMin(state, undefined)) });
  }
  if (state.after) {
    const href = searchHref(withActivity(state, undefined, state.before));
    chips.push({ key: 'after', text: `Active from ${state.after}`, href });
  }
  if (state.before) {
    const href = searchHref(withActivity(state, state.after, undefined));
    chips.push({ key: 'before', text: `Active before ${state.before}`, href });
  }
  return (
    <ul className="active-filters" aria-label="Active filters">
      {chips.map((c) => (
        <li key={c.key}>
          <Link className="chip" href={c.href} scroll={false} prefetch={false} rel="nofollow">
            {c.text} <span aria-hidden="true">×</span>
            <span className="visually-hidden"> (remove)</span>
          </Link>
        </li>
      ))}
      <li>
        <Link
          className="clear-filters"
          href={searchHref(clearFilters(state))}
          scroll={false}
          prefetch={false}
        >
          Clear all filters
        </Link>
      </li>
    </ul>
  );
}
