import { PLATFORMS, type ForumKind, type Post } from '../../posts/schema';
import { activityKeyOf, facetValuesOf } from '../document';
import { FACETS, type FacetName } from '../types';

/** One facet as columns: its distinct values, and each doc's value ids in `ids[start[d] .. start[d + 1])`. */
export type FacetColumn = { values: string[]; start: Uint32Array; ids: Uint32Array };

/** The OS versions of each doc, `[start[d] .. start[d + 1])`: platform (index in PLATFORMS) and number. */
export type OsColumn = { start: Uint32Array; platform: Uint8Array; number: Float64Array };

/** Everything filters, facet counts and sorting read, as typed arrays indexed by dense doc number. */
export type Columns = {
  count: number;
  ids: string[];
  slugs: string[];
  facets: Record<FacetName, FacetColumn>;
  os: OsColumn;
  /** The kinds each forum was seen as (`['tag']`), parallel to `facets.forum.values`. */
  forumKinds: ForumKind[][];
  /** `YYYYMM`, 0 when unknown. */
  activity: Float64Array;
  views: Float64Array;
  replies: Float64Array;
  boosts: Float64Array;
  /** The doc's position in id order: the last tie-breaker of every sort. */
  idRank: Uint32Array;
};

/** A facet's column: distinct values in first-seen order, each doc's distinct value ids. */
function facetColumn(posts: readonly Post[], facet: FacetName): FacetColumn {
  const valueIds = new Map<string, number>();
  const start = new Uint32Array(posts.length + 1);
  const ids: number[] = [];
  posts.forEach((post, doc) => {
    for (const value of new Set(facetValuesOf(post, facet))) {
      let id = valueIds.get(value);
      if (id === undefined) valueIds.set(value, (id = valueIds.size));
      ids.push(id);
    }
    start[doc + 1] = ids.length;
  });
  return { values: [...valueIds.keys()], start, ids: Uint32Array.from(ids) };
}

/** The kinds each forum name of a column was seen as, in the order first seen. */
function forumKindsOf(posts: readonly Post[], names: readonly string[]): ForumKind[][] {
  const kinds = new Map<string, Set<ForumKind>>(names.map((n) => [n, new Set()]));
  for (const post of posts) for (const f of post.forums) kinds.get(f.name)?.add(f.kind);
  return names.map((n) => [...kinds.get(n)!]);
}

function osColumn(posts: readonly Post[]): OsColumn {
  const start = new Uint32Array(posts.length + 1);
  const platform: number[] = [];
  const number: number[] = [];
  posts.forEach((post, doc) => {
    for (const o of post.os) {
      platform.push(PLATFORMS.indexOf(o.platform));
      number.push(o.number);
    }
    start[doc + 1] = platform.length;
  });
  return { start, platform: Uint8Array.from(platform), number: Float64Array.from(number) };
}

/** The columns of a list of posts (doc number = position in the list). */
export function buildColumns(posts: readonly Post[]): Columns {
  const ids = posts.map((p) => p.id);
  const byId = Array.from(ids.keys()).sort((a, b) =>
    ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b,
  );
  const idRank = new Uint32Array(posts.length);
  byId.forEach((doc, rank) => (idRank[doc] = rank));
  const facets = Object.fromEntries(FACETS.map((f) => [f, facetColumn(posts, f)])) as Record<
    FacetName,
    FacetColumn
  >;
  return {
    count: posts.length,
    ids,
    slugs: posts.map((p) => p.slug),
    facets,
    os: osColumn(posts),
    forumKinds: forumKindsOf(posts, facets.forum.values),
    activity: Float64Array.from(posts, (p) => activityKeyOf(p)),
    views: Float64Array.from(posts, (p) => p.views),
    replies: Float64Array.from(posts, (p) => p.replies),
    boosts: Float64Array.from(posts, (p) => p.boosts),
    idRank,
  };
}
