import type { Post } from '../posts/schema';
import type { SearchPlan } from './plan';
import { FACETS, type FacetCounts, type FacetName } from './types';

/** The values a post holds for a facet. */
export function facetValuesOf(post: Post, facet: FacetName): readonly string[] {
  switch (facet) {
    case 'topic':
      return post.topics;
    case 'api':
      return post.apiClasses;
    case 'os':
      return post.osVersions;
    case 'code':
      return post.errorCodes;
  }
}

const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());

/** Whether a post passes one facet's selection (OR within the facet; no selection passes). */
export function passesFacet(post: Post, facet: FacetName, plan: SearchPlan): boolean {
  const selected = plan.selected[facet];
  if (selected.length === 0) return true;
  if (facet === 'os') {
    return plan.osConditions.some((c) =>
      post.os.some((o) => o.platform === c.platform && o.number >= c.min && o.number <= c.max),
    );
  }
  const wanted = new Set(lower(selected));
  return lower(facetValuesOf(post, facet)).some((v) => wanted.has(v));
}

/** Whether a post passes the filters that are not facets: OS range and activity bounds. */
export function passesRanges(post: Post, plan: SearchPlan): boolean {
  const range = plan.osRange;
  if (range) {
    const inRange = post.os.some(
      (o) =>
        o.platform === range.platform &&
        (range.min === undefined || o.number >= range.min) &&
        (range.max === undefined || o.number <= range.max),
    );
    if (!inRange) return false;
  }
  const key = post.activity ? Number(post.activity.replace('-', '')) : 0;
  if (plan.activityFrom !== undefined && key < plan.activityFrom) return false;
  if (plan.activityTo !== undefined && key > plan.activityTo) return false;
  return true;
}

/** An empty value → count map for every facet. */
export function emptyFacetCounts(): FacetCounts {
  return { topic: {}, api: {}, os: {}, code: {} };
}

/**
 * Filter matched posts and count facets disjunctively: a post counts for facet F when it passes every
 * filter except F's own, so a facet's counts do not collapse to the values already picked.
 */
export function filterAndCount<T extends { post: Post }>(
  matches: readonly T[],
  plan: SearchPlan,
): { kept: T[]; facets: FacetCounts } {
  const kept: T[] = [];
  const facets = emptyFacetCounts();
  for (const match of matches) {
    if (!passesRanges(match.post, plan)) continue;
    const failing = FACETS.filter((f) => !passesFacet(match.post, f, plan));
    if (failing.length === 0) kept.push(match);
    if (failing.length > 1) continue;
    for (const facet of FACETS) {
      if (failing.length === 1 && failing[0] !== facet) continue;
      const counts = facets[facet];
      for (const value of new Set(facetValuesOf(match.post, facet))) counts[value] = (counts[value] ?? 0) + 1;
    }
  }
  return { kept, facets };
}
