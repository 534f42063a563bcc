import { readWrittenCode } from '../catalog/error-entry';
import { canonicalApiName } from './api-aliases';
import { combineOsRanges, osCondition, parseOsRange, type OsCondition } from '../posts/os-labels';
import { monthOperand, parseQuery, type ParsedQuery } from './query';
import { limitQueryWords } from './word-limit';
import { SearchRequest, type FacetName, type NormalizedSearchRequest, type OsRange } from './types';

/** What both engines execute: the parsed text query and filters merged from the request and query operators. */
export type SearchPlan = {
  /** The parsed query, cut to the words both engines read (`limitQueryWords`). */
  parsed: ParsedQuery;
  /** Terms and phrases past the word limit, in query order (empty when none). */
  droppedWords: string[];
  /** Selected facet values (request values plus `op:` values), normalised; OR within a facet, AND across. */
  selected: Record<FacetName, string[]>;
  /** The OS selection as numeric ranges (same order as `selected.os`). */
  osConditions: OsCondition[];
  /**
   * OS ranges a post must each meet (one per platform): the request's range and `os:"iOS>=17"` operators,
   * intersected on the same platform. A range with `min > max` is empty: nothing passes it.
   */
  osRanges: OsRange[];
  /** `YYYYMM` bounds, inclusive. */
  activityFrom?: number;
  activityTo?: number;
  sort: NormalizedSearchRequest['sort'];
  /** All words must match: no partial fallback. */
  strict: boolean;
  page: number;
  perPage: number;
};

/**
 * Canonical form of an error code as a user writes it in a filter: `9836`/`-9836` → `-9836`,
 * `baadca11`/`0xbaadca11` → `0xBAADCA11`, `NEVPNErrorDomain Code=5` → `NEVPNErrorDomain 5`. Other text is kept.
 */
export function normalizeCodeValue(value: string): string {
  const written = readWrittenCode(value);
  switch (written.form) {
    case 'number':
      return written.text === '0' ? '0' : `-${written.text.replace(/^-/, '')}`;
    case 'hex':
      return written.code;
    case 'domain':
      return `${written.domain} ${written.number}`;
    case 'other':
      return written.text;
  }
}

/** A forum name as a filter compares it: trimmed, inner white space one space (case is ignored when matching). */
export function normalizeForumName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** `2025-05` → 202505, or undefined for anything else. */
function monthKey(month: string | undefined): number | undefined {
  if (!month) return undefined;
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? Number(m[1]) * 100 + Number(m[2]) : undefined;
}

/** `YYYYMM` of the month before. */
function previousMonth(key: number): number {
  return key % 100 === 1 ? key - 100 + 11 : key - 1;
}

/** The larger of two bounds, either possibly missing. */
function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** The smaller of two bounds, either possibly missing. */
function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/**
 * The request filters of an `after`/`before` month pair, with the operators' meaning (`after:2025-05` from May 2025
 * on, `before:2026-01` up to December 2025): the one rule the API, the CLI and the page share. Months are `YYYY-MM`
 * or `YYYY` (its January); an unreadable one is left out, so validate with {@link monthOperand} first.
 */
export function activityFilters(
  after: string | undefined,
  before: string | undefined,
): { activityFrom?: string; activityTo?: string } {
  const from = after === undefined ? undefined : monthOperand(after);
  const to = monthKey(before === undefined ? undefined : monthOperand(before));
  const last = to === undefined ? undefined : previousMonth(to);
  return {
    ...(from ? { activityFrom: from } : {}),
    ...(last !== undefined
      ? { activityTo: `${Math.floor(last / 100)}-${String(last % 100).padStart(2, '0')}` }
      : {}),
  };
}

const unique = (values: string[]) => [...new Set(values.filter((v) => v.length > 0))];

/** Turn a request into the plan both engines execute; never throws on user text. */
export function planSearch(input: SearchRequest): SearchPlan {
  const request = SearchRequest.parse(input);
  const { parsed, dropped } = limitQueryWords(parseQuery(request.q));
  const f = request.filters;
  // `os:"iOS>=17"` is a range, not a facet value; every other `os:` value selects versions.
  const osValues = [...f.os, ...parsed.operators.os];
  const ranges = osValues.map((v) => parseOsRange(v));
  const os = unique(
    osValues.filter((_, i) => ranges[i] === null).map((v) => osCondition(v)?.label ?? v.trim()),
  );
  const osRanges = combineOsRanges([
    ...(f.osRange ? [f.osRange] : []),
    ...ranges.filter((r): r is OsRange => r !== null),
  ]);
  const selected: Record<FacetName, string[]> = {
    topic: unique([...f.topic, ...parsed.operators.topic].map((v) => v.trim().toLowerCase())),
    api: unique([...f.api, ...parsed.operators.api].map(canonicalApiName)),
    os,
    code: unique([...f.code, ...parsed.operators.code].map(normalizeCodeValue)),
    forum: unique([...f.forum, ...parsed.operators.forum].map(normalizeForumName)),
  };
  const osConditions = os.map((label) => osCondition(label)).filter((c): c is OsCondition => c !== null);
  // The stricter bound wins where the request and a query operator both give one; `before:` excludes its month.
  const before = monthKey(parsed.before);
  const activityFrom = maxDefined(monthKey(f.activityFrom), monthKey(parsed.after));
  const activityTo = minDefined(
    monthKey(f.activityTo),
    before === undefined ? undefined : previousMonth(before),
  );
  return {
    parsed,
    droppedWords: dropped,
    selected,
    osConditions,
    osRanges,
    ...(activityFrom !== undefined ? { activityFrom } : {}),
    ...(activityTo !== undefined ? { activityTo } : {}),
    sort: request.sort,
    strict: request.strict,
    page: request.page,
    perPage: request.perPage,
  };
}
