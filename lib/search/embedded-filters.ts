import { PLATFORMS } from '../posts/schema';
import type { Columns, FacetColumn, OsColumn } from './embedded-columns';
import type { SearchPlan } from './plan';
import { FACETS, type FacetCounts, type FacetName, type OsRange } from './types';

/** A numeric OS condition with the platform as its index in PLATFORMS. */
type OsBounds = { platform: number; min: number; max: number };

/** One facet's selection, compiled: value ids that pass, or OS ranges; a facet without one is left out. */
type FacetTest = { facet: number; marks: Uint8Array | null; os: OsBounds[] };

/** A plan's filters compiled against columns. */
export type CompiledFilters = {
  tests: FacetTest[];
  osRange: OsBounds | null;
  activityFrom: number;
  activityTo: number;
};

/** An empty value → count map for every facet. */
export function emptyFacetCounts(): FacetCounts {
  return { topic: {}, api: {}, os: {}, code: {} };
}

function osBounds(range: OsRange): OsBounds {
  return {
    platform: PLATFORMS.indexOf(range.platform),
    min: range.min ?? -Infinity,
    max: range.max ?? Infinity,
  };
}

/** Compile a plan's facet selections and ranges (values compare case-insensitively, OS labels as ranges). */
export function compileFilters(columns: Columns, plan: SearchPlan): CompiledFilters {
  const tests: FacetTest[] = [];
  FACETS.forEach((facet, index) => {
    const selected = plan.selected[facet];
    if (selected.length === 0) return;
    if (facet === 'os') {
      tests.push({ facet: index, marks: null, os: plan.osConditions.map(osBounds) });
      return;
    }
    const wanted = new Set(selected.map((v) => v.toLowerCase()));
    const values = columns.facets[facet].values;
    const marks = new Uint8Array(values.length);
    values.forEach((v, id) => (marks[id] = wanted.has(v.toLowerCase()) ? 1 : 0));
    tests.push({ facet: index, marks, os: [] });
  });
  return {
    tests,
    osRange: plan.osRange ? osBounds(plan.osRange) : null,
    activityFrom: plan.activityFrom ?? -Infinity,
    activityTo: plan.activityTo ?? Infinity,
  };
}

/** Whether one of a doc's OS versions falls in one of the ranges. */
function osMatches(os: OsColumn, doc: number, bounds: readonly OsBounds[]): boolean {
  for (let i = os.start[doc]!, end = os.start[doc + 1]!; i < end; i++) {
    const platform = os.platform[i]!;
    const n = os.number[i]!;
    for (const b of bounds) if (platform === b.platform && n >= b.min && n <= b.max) return true;
  }
  return false;
}

/** Whether a doc holds one of the marked values of a facet. */
function valueMatches(column: FacetColumn, doc: number, marks: Uint8Array): boolean {
  for (let i = column.start[doc]!, end = column.start[doc + 1]!; i < end; i++) if (marks[column.ids[i]!]) return true;
  return false;
}

/**
 * Filters and disjunctive facet counts in one pass, with scratch arrays reused between calls (one per
 * loaded index; not re-entrant). A doc counts for facet F when it passes every filter except F's own, so a
 * facet's counts do not collapse to the values already picked.
 */
export class FacetFilter {
  private readonly kept: Uint32Array;
  private readonly counts: Uint32Array[];
  private readonly columns: FacetColumn[];

  constructor(private readonly source: Columns) {
    this.kept = new Uint32Array(source.count);
    this.columns = FACETS.map((f) => source.facets[f]);
    this.counts = this.columns.map((c) => new Uint32Array(c.values.length));
  }

  /** The candidates that pass every filter (a view valid until the next call), and the facet counts. */
  run(candidates: ArrayLike<number>, filters: CompiledFilters): { kept: Uint32Array; facets: FacetCounts } {
    const { os, activity } = this.source;
    const { tests, osRange, activityFrom, activityTo } = filters;
    let kept = 0;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i]!;
      if (osRange && !osMatches(os, doc, [osRange])) continue;
      const month = activity[doc]!;
      if (month < activityFrom || month > activityTo) continue;
      let failing = -1;
      let failures = 0;
      for (const test of tests) {
        const passes = test.marks
          ? valueMatches(this.columns[test.facet]!, doc, test.marks)
          : osMatches(os, doc, test.os);
        if (passes) continue;
        failing = test.facet;
        if (++failures > 1) break;
      }
      if (failures > 1) continue;
      if (failures === 0) {
        this.kept[kept++] = doc;
        for (let f = 0; f < this.columns.length; f++) this.count(f, doc);
      } else this.count(failing, doc);
    }
    return { kept: this.kept.subarray(0, kept), facets: this.collect() };
  }

  private count(facet: number, doc: number): void {
    const { start, ids } = this.columns[facet]!;
    const counts = this.counts[facet]!;
    for (let i = start[doc]!, end = start[doc + 1]!; i < end; i++) counts[ids[i]!]!++;
  }

  /** The counts as value → count maps (most frequent first), resetting the scratch. */
  private collect(): FacetCounts {
    const out = emptyFacetCounts();
    FACETS.forEach((facet: FacetName, f) => {
      const counts = this.counts[f]!;
      const values = this.columns[f]!.values;
      const seen: number[] = [];
      for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) seen.push(id);
      seen.sort((a, b) => counts[b]! - counts[a]! || (values[a]! < values[b]! ? -1 : 1));
      for (const id of seen) out[facet][values[id]!] = counts[id]!;
      counts.fill(0);
    });
    return out;
  }
}
