import { readWrittenCode } from '../catalog/error-entry';
import { canonicalApiName } from './api-aliases';
import { osCondition, type OsCondition } from '../posts/os-labels';
import { parseQuery, type ParsedQuery } from './query';
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
  osRange?: OsRange;
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

const unique = (values: string[]) => [...new Set(values.filter((v) => v.length > 0))];

/** Turn a request into the plan both engines execute; never throws on user text. */
export function planSearch(input: SearchRequest): SearchPlan {
  const request = SearchRequest.parse(input);
  const { parsed, dropped } = limitQueryWords(parseQuery(request.q));
  const f = request.filters;
  const os = unique([...f.os, ...parsed.operators.os].map((v) => osCondition(v)?.label ?? v.trim()));
  const selected: Record<FacetName, string[]> = {
    topic: unique([...f.topic, ...parsed.operators.topic].map((v) => v.trim().toLowerCase())),
    api: unique([...f.api, ...parsed.operators.api].map(canonicalApiName)),
    os,
    code: unique([...f.code, ...parsed.operators.code].map(normalizeCodeValue)),
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
    ...(f.osRange ? { osRange: f.osRange } : {}),
    ...(activityFrom !== undefined ? { activityFrom } : {}),
    ...(activityTo !== undefined ? { activityTo } : {}),
    sort: request.sort,
    strict: request.strict,
    page: request.page,
    perPage: request.perPage,
  };
}
