import { PLATFORMS } from '../../posts/schema';
import type { Columns, FacetColumn, OsColumn } from './columns';
import type { SearchPlan } from '../plan';
import { FACETS, type FacetCounts, type FacetName, type OsRange } from '../types';

/** A numeric OS condition with the platform as its index in PLATFORMS. */
type OsBounds = { platform: number; min: number; max: number };

/** One facet's selection, compiled: value ids that pass, or OS ranges; a facet without one is left out. */
type FacetTest = { facet: number; marks: Uint8Array | null; os: OsBounds[] };

/** A plan's filters compiled against columns. */
export type CompiledFilters = {
  tests: FacetTest[];
  /** Ranges a doc must each meet (some OS version of the doc within each). */
  osRanges: OsBounds[];
  activityFrom: number;
  activityTo: number;
};

/** An empty value → count map for every facet. */
export function emptyFacetCounts(): FacetCounts {
  return { topic: {}, api: {}, os: {}, code: {}, forum: {} };
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
    osRanges: plan.osRanges.map(osBounds),
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

/** Whether doc numbers are strictly ascending. */
function isAscending(docs: ArrayLike<number>): boolean {
  for (let i = 1; i < docs.length; i++) if (docs[i]! <= docs[i - 1]!) return false;
  return true;
}

/** Filter outcome of a candidate: passes every filter, fails too much; otherwise the one facet it fails. */
const PASSES = -1;
const DROPPED = -2;
/** The facet index of a one-bit mask. */
const FACET_OF_BIT = Int8Array.from({ length: 1 << FACETS.length }, (_, bits) =>
  bits === 0 ? PASSES : Math.log2(bits),
);

/**
 * Filters and disjunctive facet counts, with scratch arrays reused between calls (one per loaded index; not
 * re-entrant). A doc counts for facet F when it passes every filter except F's own, so a facet's counts do
 * not collapse to the values already picked. One pass sorts the candidates into passing, failing exactly one
 * facet (and which), or dropped; then one tight loop per facet counts.
 */
export class FacetFilter {
  private readonly kept: Uint32Array;
  private readonly codes: Int8Array;
  private readonly columns: FacetColumn[];
  /** Where each facet's values start in the combined value numbering. */
  private readonly valueBase: number[] = [];
  /** Every doc's values of all facets, combined: doc d, facet f at `[at[4d + f], at[4d + f + 1])`. */
  private readonly at: Uint32Array;
  private readonly values: Uint32Array;
  private readonly counts: Uint32Array;
  private totals: Uint32Array | undefined;
  private readonly passing: Uint8Array;
  private readonly byValue: Array<{ start: Uint32Array; docs: Uint32Array } | undefined> = [];

  constructor(private readonly source: Columns) {
    const n = source.count;
    this.kept = new Uint32Array(n);
    this.codes = new Int8Array(n);
    this.passing = new Uint8Array(n);
    this.columns = FACETS.map((f) => source.facets[f]);
    let base = 0;
    for (const c of this.columns) {
      this.valueBase.push(base);
      base += c.values.length;
    }
    this.counts = new Uint32Array(base);
    this.at = new Uint32Array(n * FACETS.length + 1);
    this.values = new Uint32Array(this.columns.reduce((sum, c) => sum + c.ids.length, 0));
    const { at, values, columns, valueBase } = this;
    const width = FACETS.length;
    let j = 0;
    for (let doc = 0; doc < n; doc++) {
      for (let f = 0; f < width; f++) {
        const { start, ids } = columns[f]!;
        const base = valueBase[f]!;
        for (let i = start[doc]!, end = start[doc + 1]!; i < end; i++) values[j++] = base + ids[i]!;
        at[doc * width + f + 1] = j;
      }
    }
  }

  /** Counts over most of the index: the totals minus the values of the docs that are not candidates. */
  private countComplement(candidates: ArrayLike<number>): void {
    const { at, values, counts } = this;
    const totals = this.allCounts();
    counts.set(totals);
    const width = FACETS.length;
    let next = 0;
    for (let doc = 0; doc < this.source.count; doc++) {
      if (next < candidates.length && candidates[next] === doc) {
        next++;
        continue;
      }
      for (let j = at[doc * width]!, end = at[doc * width + width]!; j < end; j++) counts[values[j]!]!--;
    }
  }

  /** Count the values of every candidate whose code says it counts: all facets when it passes, else its one. */
  private countCandidates(candidates: ArrayLike<number>, codes: Int8Array | null): void {
    const { at, values, counts } = this;
    const width = FACETS.length;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i]!;
      const code = codes === null ? PASSES : codes[i]!;
      if (code === DROPPED) continue;
      const from = code === PASSES ? doc * width : doc * width + code;
      const to = code === PASSES ? from + width : from + 1;
      for (let j = at[from]!, end = at[to]!; j < end; j++) counts[values[j]!]!++;
    }
  }

  /** The candidates that pass every filter (a view valid until the next call), and the facet counts. */
  run(candidates: ArrayLike<number>, filters: CompiledFilters): { kept: Uint32Array; facets: FacetCounts } {
    const { tests, osRanges, activityFrom, activityTo } = filters;
    const n = candidates.length;
    if (
      tests.length === 0 &&
      osRanges.length === 0 &&
      activityFrom === -Infinity &&
      activityTo === Infinity
    ) {
      const kept = this.kept.subarray(0, n);
      kept.set(candidates);
      if (n === this.source.count) return { kept, facets: this.collect(this.allCounts()) };
      if (n > this.source.count >>> 1 && isAscending(candidates)) this.countComplement(candidates);
      else this.countCandidates(candidates, null);
      return { kept, facets: this.collect(this.counts) };
    }
    const { os, activity } = this.source;
    const codes = this.codes;
    const passing = this.markPassing(tests);
    let required = 0;
    for (const test of tests) required |= 1 << test.facet;
    const ranged = osRanges.length > 0 || activityFrom !== -Infinity || activityTo !== Infinity;
    const eachRange = osRanges.map((range) => [range]);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const doc = candidates[i]!;
      let code = PASSES;
      const failing = required & ~passing[doc]!;
      if (failing !== 0) code = (failing & (failing - 1)) === 0 ? FACET_OF_BIT[failing]! : DROPPED;
      if (ranged && code !== DROPPED) {
        const month = activity[doc]!;
        if (month < activityFrom || month > activityTo || !eachRange.every((r) => osMatches(os, doc, r)))
          code = DROPPED;
      }
      codes[i] = code;
      if (code === PASSES) this.kept[kept++] = doc;
    }
    this.countCandidates(candidates, codes);
    return { kept: this.kept.subarray(0, kept), facets: this.collect(this.counts) };
  }

  /** For each doc, one bit per tested facet whose selection it passes (a scratch array, rewritten per call). */
  private markPassing(tests: readonly FacetTest[]): Uint8Array {
    const passing = this.passing;
    passing.fill(0);
    for (const test of tests) {
      const bit = 1 << test.facet;
      if (test.marks) {
        const { start, docs } = this.valueDocs(test.facet);
        test.marks.forEach((marked, value) => {
          if (!marked) return;
          for (let i = start[value]!, end = start[value + 1]!; i < end; i++) passing[docs[i]!]! |= bit;
        });
      } else {
        const os = this.source.os;
        for (let doc = 0; doc < this.source.count; doc++)
          if (osMatches(os, doc, test.os)) passing[doc]! |= bit;
      }
    }
    return passing;
  }

  /** The docs holding each value of a facet (the facet column transposed), built on first use. */
  private valueDocs(facet: number): { start: Uint32Array; docs: Uint32Array } {
    let byValue = this.byValue[facet];
    if (!byValue) {
      const c = this.columns[facet]!;
      const start = new Uint32Array(c.values.length + 1);
      for (let j = 0; j < c.ids.length; j++) start[c.ids[j]! + 1]!++;
      for (let v = 0; v < c.values.length; v++) start[v + 1]! += start[v]!;
      const cursor = start.slice(0, c.values.length);
      const docs = new Uint32Array(c.ids.length);
      for (let doc = 0; doc < this.source.count; doc++) {
        for (let j = c.start[doc]!, end = c.start[doc + 1]!; j < end; j++) docs[cursor[c.ids[j]!]!++] = doc;
      }
      byValue = { start, docs };
      this.byValue[facet] = byValue;
    }
    return byValue;
  }

  /** Facet counts over the whole index, computed once. */
  private allCounts(): Uint32Array {
    if (!this.totals) {
      this.totals = new Uint32Array(this.counts.length);
      for (let j = 0; j < this.values.length; j++) this.totals[this.values[j]!]!++;
    }
    return this.totals;
  }

  /** Counts as value → count maps, in each facet's value order, resetting the scratch counts. */
  private collect(counts: Uint32Array): FacetCounts {
    const out = emptyFacetCounts();
    FACETS.forEach((facet: FacetName, f) => {
      const values = this.columns[f]!.values;
      const base = this.valueBase[f]!;
      const target = out[facet];
      for (let id = 0; id < values.length; id++) {
        const count = counts[base + id]!;
        if (count > 0) target[values[id]!] = count;
      }
    });
    if (counts === this.counts) counts.fill(0);
    return out;
  }
}
