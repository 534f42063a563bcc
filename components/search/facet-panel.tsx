import type { FacetCounts, FacetName } from '@/lib/search/types';
import { isSelected, toggleFacetValue } from '@/lib/web/facet-url';
import { groupOsFacet } from '@/lib/web/os-facet';
import type { SearchState } from '@/lib/web/search-params';
import { searchHref } from '@/lib/web/search-url';
import { FACET_LABELS, siteConfig } from '@/lib/web/site-config';
import type { FacetItemData } from './facet-item';
import { FacetList } from './facet-list';
import { OsRangeForm } from './os-range-form';

type Props = {
  state: SearchState;
  facets: FacetCounts;
  /** Display names for values: topic slug → name, code → symbol. */
  labels: { topic: Record<string, string>; code: Record<string, string> };
};

/** The items of one facet: selected values first (kept even at count 0), then by count, then by label. */
export function facetItems(
  state: SearchState,
  facet: FacetName,
  counts: Record<string, number>,
  label: (value: string) => string = (v) => v,
): FacetItemData[] {
  const all = { ...Object.fromEntries(state[facet].map((v) => [v, 0])), ...counts };
  return Object.entries(all)
    .map(([value, count]) => ({
      value,
      label: label(value),
      count,
      href: searchHref(toggleFacetValue(state, facet, value)),
      selected: isSelected(state, facet, value),
    }))
    .sort(
      (a, b) =>
        Number(b.selected) - Number(a.selected) || b.count - a.count || a.label.localeCompare(b.label, 'en'),
    );
}

/** All facets with counts: topic, API class, OS (grouped by platform, with a range control), error code. */
export function FacetPanel({ state, facets, labels }: Props) {
  const visible = siteConfig.facetVisible;
  const topicItems = facetItems(state, 'topic', facets.topic, (v) => labels.topic[v] ?? v);
  const apiItems = facetItems(state, 'api', facets.api);
  const codeItems = facetItems(state, 'code', facets.code, (v) =>
    labels.code[v] ? `${v} ${labels.code[v]}` : v,
  );
  const osItems = facetItems(state, 'os', facets.os);
  const groups = groupOsFacet(Object.fromEntries(osItems.map((i) => [i.value, i.count])));
  return (
    <>
      {topicItems.length > 0 ? (
        <section className="facet" aria-labelledby="facet-topic">
          <h3 id="facet-topic">{FACET_LABELS.topic}</h3>
          <FacetList label={FACET_LABELS.topic} items={topicItems} visible={visible} />
        </section>
      ) : null}
      {apiItems.length > 0 ? (
        <section className="facet" aria-labelledby="facet-api">
          <h3 id="facet-api">{FACET_LABELS.api}</h3>
          <FacetList label={FACET_LABELS.api} items={apiItems} visible={visible} />
        </section>
      ) : null}
      {groups.length > 0 || state.osmin ? (
        <section className="facet" aria-labelledby="facet-os">
          <h3 id="facet-os">{FACET_LABELS.os}</h3>
          {groups.map((g) => (
            <div key={g.platform}>
              <h4>{g.platform}</h4>
              <FacetList
                label={g.platform}
                items={osItems.filter((i) => g.values.some((v) => v.label === i.value))}
                visible={5}
              />
            </div>
          ))}
          <OsRangeForm state={state} groups={groups} />
        </section>
      ) : null}
      {codeItems.length > 0 ? (
        <section className="facet" aria-labelledby="facet-code">
          <h3 id="facet-code">{FACET_LABELS.code}</h3>
          <FacetList label={FACET_LABELS.code} items={codeItems} visible={visible} />
        </section>
      ) : null}
    </>
  );
}
