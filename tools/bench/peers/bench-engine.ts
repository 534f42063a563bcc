import type { Post } from '../../../lib/posts/schema';
import { toIndexDocument } from '../../../lib/search/document';
import type { BenchFilters, BenchQuery } from '../workloads';

/** What one benchmark query found: how many posts matched, and the ids of the top ones in rank order. */
export type BenchResult = { total: number; ids: readonly string[] };

/** An engine under benchmark: built once on the posts, then queried. */
export interface BenchEngine {
  readonly name: string;
  /** Build (and for ours, save) the index of the posts. */
  build(posts: readonly Post[]): Promise<void>;
  /** Run one query; resolves to the number of matches (after filters) and the ids of the first `limit`, best first. */
  search(query: BenchQuery): Promise<BenchResult>;
  /** Drop the index so its memory can be collected. */
  dispose(): void;
}

/** What a peer indexes for a post: two text fields and the four facet fields, from our IndexDocument. */
export type PeerDoc = {
  id: string;
  title: string;
  /** Body plus the code and API terms our enrichment adds, so peers can match codes and API names too. */
  content: string;
  topics: string[];
  apiClasses: string[];
  osVersions: string[];
  errorCodes: string[];
};

/** The peer document of a post. */
export function toPeerDoc(post: Post): PeerDoc {
  const d = toIndexDocument(post);
  return {
    id: d.id,
    title: d.title,
    content: `${d.body} ${d.codeTerms} ${d.apiTerms}`,
    topics: d.topics,
    apiClasses: d.apiClasses,
    osVersions: d.osVersions,
    errorCodes: d.errorCodes,
  };
}

type FacetField = 'topics' | 'apiClasses' | 'osVersions' | 'errorCodes';
const FACET_FIELDS: ReadonlyArray<[keyof BenchFilters, FacetField]> = [
  ['topic', 'topics'],
  ['api', 'apiClasses'],
  ['os', 'osVersions'],
  ['code', 'errorCodes'],
];

/** Whether a document passes the filters (exact values; OR within a facet, AND across), filtering by hand. */
export function passesFilters(doc: PeerDoc, filters: BenchFilters): boolean {
  for (const [facet, field] of FACET_FIELDS) {
    const wanted = filters[facet];
    if (wanted.length > 0 && !doc[field].some((v) => wanted.includes(v))) return false;
  }
  return true;
}

/** True when a query has any filter. */
export function hasFilters(filters: BenchFilters): boolean {
  return FACET_FIELDS.some(([facet]) => filters[facet].length > 0);
}

/** Facet counts over a match set, by code (what MiniSearch's and FlexSearch's docs leave to the application). */
export function countFacets(docs: Iterable<PeerDoc>): Record<FacetField, Map<string, number>> {
  const counts: Record<FacetField, Map<string, number>> = {
    topics: new Map(),
    apiClasses: new Map(),
    osVersions: new Map(),
    errorCodes: new Map(),
  };
  for (const doc of docs) {
    for (const [, field] of FACET_FIELDS) {
      const map = counts[field];
      for (const v of doc[field]) map.set(v, (map.get(v) ?? 0) + 1);
    }
  }
  return counts;
}
