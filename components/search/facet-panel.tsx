import type { FacetCounts, FacetName } from '@/lib/search/types';
import { isSelected, toggleFacetValue, withExpanded } from '@/lib/web/facet-url';
import { groupOsFacet } from '@/lib/web/os-facet';
import type { SearchState } from '@/lib/web/search-params';
import { searchHref } from '@/lib/web/search-url';
import { FACET_LABELS, siteConfig } from '@/lib/web/site-config';
import type { FacetItemData } from './facet-item';
import { FacetList, type FacetCut } from './facet-list';
import { OsRangeForm } from './os-range-form';
import { ActivityForm } from './activity-form';

type Props = {
  state: SearchState;
  facets: FacetCounts;
  /** Display names for values: topic slug → name, code → symbol. */
  labels: { topic: Record<string, string>; code: Record<string, string> };
  /** The kinds each forum of the index was seen as (`Network Extension` → `['tag']`). */
  forumKinds?: Readonly<Record<string, readonly string[]>>;
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

/** The items the page lists: all of them for the expanded facet, else the selected and the most frequent. */
export function listedItems(items: FacetItemData[], limit: number, expanded: boolean): FacetItemData[] {
  if (expanded) return items;
  const selected = items.filter((i) => i.selected).length;
  return items.slice(0, Math.max(limit, selected));
}

/** How a facet's list links to its whole list (or back to its top values), for a facet of `total` values. */
export function facetCut(
  state: SearchState,
  facet: FacetName,
  total: number,
  limit: number,
): FacetCut | null {
  if (total <= limit) return null;
  const whole = state.expand === facet;
  return {
    total,
    whole,
    href: `${searchHref(withExpanded(state, whole ? undefined : facet))}#facet-${facet}`,
  };
}

/**
 * All facets with counts: forum (when the index holds more than one, or one is selected; each value noted with
 * its kind, `tag`), topic, API class, OS (grouped by platform, with a range control), error code.
 */
export function FacetPanel({ state, facets, labels, forumKinds = {} }: Props) {
  const visible = siteConfig.facetVisible;
  /** The list of one facet (or one OS platform) with its link to the whole list. */
  const list = (
    facet: FacetName,
    label: string,
    items: FacetItemData[],
    shown: number,
    limit: number = siteConfig.facetListed,
  ) => (
    <FacetList
      label={label}
      items={listedItems(items, limit, state.expand === facet)}
      visible={shown}
      cut={facetCut(state, facet, items.length, limit)}
    />
  );
  const topicItems = facetItems(state, 'topic', facets.topic, (v) => labels.topic[v] ?? v);
  const apiItems = facetItems(state, 'api', facets.api);
  const codeItems = facetItems(state, 'code', facets.code, (v) =>
    labels.code[v] ? `${v} ${labels.code[v]}` : v,
  );
  const osItems = facetItems(state, 'os', facets.os);
  const forumItems = facetItems(state, 'forum', facets.forum).map((item) => {
    const kinds = forumKinds[item.value];
    return kinds?.length ? { ...item, note: kinds.join(', ') } : item;
  });
  const groups = groupOsFacet(Object.fromEntries(osItems.map((i) => [i.value, i.count]))).map((g) => ({
    ...g,
    labels: new Set(g.values.map((v) => v.label)),
  }));
  return (
    <>
      {forumItems.length > 1 || state.forum.length > 0 ? (
        <section className="facet" aria-labelledby="facet-forum">
          <h3 id="facet-forum">{FACET_LABELS.forum}</h3>
          {list('forum', FACET_LABELS.forum, forumItems, visible)}
        </section>
      ) : null}
      {topicItems.length > 0 ? (
        <section className="facet" aria-labelledby="facet-topic">
          <h3 id="facet-topic">{FACET_LABELS.topic}</h3>
          {list('topic', FACET_LABELS.topic, topicItems, visible)}
        </section>
      ) : null}
      {apiItems.length > 0 ? (
        <section className="facet" aria-labelledby="facet-api">
          <h3 id="facet-api">{FACET_LABELS.api}</h3>
          {list('api', FACET_LABELS.api, apiItems, visible)}
        </section>
      ) : null}
      {groups.length > 0 || state.osmin ? (
        <section className="facet" aria-labelledby="facet-os">
          <h3 id="facet-os">{FACET_LABELS.os}</h3>
          {groups.map((g) => (
            <div key={g.platform}>
              <h4>{g.platform}</h4>
              {list(
                'os',
                g.platform,
                osItems.filter((i) => g.labels.has(i.value)),
                5,
                siteConfig.osListed,
              )}
            </div>
          ))}
          <OsRangeForm state={state} groups={groups} />
        </section>
      ) : null}
      <section className="facet" aria-labelledby="facet-activity">
        <h3 id="facet-activity">Activity</h3>
        <ActivityForm state={state} />
      </section>
      {codeItems.length > 0 ? (
        <section className="facet" aria-labelledby="facet-code">
          <h3 id="facet-code">{FACET_LABELS.code}</h3>
          {list('code', FACET_LABELS.code, codeItems, visible)}
        </section>
      ) : null}
    </>
  );
}
