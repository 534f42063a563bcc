import { PLATFORMS, type Platform } from '../posts/schema';
import { parseQuery, type ParsedQuery } from './query';
import { SearchRequest, type FacetName, type NormalizedSearchRequest, type OsRange } from './types';

/** One OS filter value as a numeric range on one platform: `iOS 18` is iOS 18.0.0 to 18.999.999. */
export type OsCondition = { platform: Platform; min: number; max: number; label: string };

/** What both engines execute: the parsed text query and filters merged from the request and query operators. */
export type SearchPlan = {
  parsed: ParsedQuery;
  /** Selected facet values (request values plus `op:` values), normalised; OR within a facet, AND across. */
  selected: Record<FacetName, string[]>;
  /** The OS selection as numeric ranges (same order as `selected.os`). */
  osConditions: OsCondition[];
  osRange?: OsRange;
  /** `YYYYMM` bounds, inclusive. */
  activityFrom?: number;
  activityTo?: number;
  sort: NormalizedSearchRequest['sort'];
  page: number;
  perPage: number;
};

const PLATFORM_BY_LOWER = new Map(PLATFORMS.map((p) => [p.toLowerCase(), p]));

/** Parse an OS label such as `iOS 18`, `ios 18.3.2`, `iPadOS16.6` into a numeric range; null if it is not one. */
export function osCondition(label: string): OsCondition | null {
  const m = /^\s*([a-z]+)\s*(\d{1,2})(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?\s*$/i.exec(label);
  if (!m) return null;
  const platform = PLATFORM_BY_LOWER.get(m[1]!.toLowerCase());
  if (!platform) return null;
  const major = Number(m[2]);
  const minor = m[3] === undefined ? undefined : Number(m[3]);
  const patch = m[4] === undefined ? undefined : Number(m[4]);
  const min = major * 1e6 + (minor ?? 0) * 1e3 + (patch ?? 0);
  const max = patch !== undefined ? min : minor !== undefined ? min + 999 : min + 999_999;
  const version = [major, minor, patch].filter((n) => n !== undefined).join('.');
  return { platform, min, max, label: `${platform} ${version}` };
}

/**
 * Canonical form of an error code as a user writes it in a filter: `9836`/`-9836` → `-9836`,
 * `baadca11`/`0xbaadca11` → `0xBAADCA11`, `NEVPNErrorDomain Code=5` → `NEVPNErrorDomain 5`. Other text is kept.
 */
export function normalizeCodeValue(value: string): string {
  const v = value.trim();
  if (/^-?\d+$/.test(v)) return v === '0' ? '0' : `-${v.replace(/^-/, '')}`;
  const hex = /^(?:0x)?([0-9a-f]{8})$/i.exec(v);
  if (hex && /^0x/i.test(v)) return `0x${hex[1]!.toUpperCase()}`;
  if (hex && /[a-f]/i.test(hex[1]!)) return `0x${hex[1]!.toUpperCase()}`;
  const domain = /^(\w+ErrorDomain)\s*(?:code)?\s*[=:]?\s*(-?\d+)$/i.exec(v);
  if (domain) return `${domain[1]} ${domain[2]}`;
  return v;
}

/** `2025-05` → 202505, or undefined for anything else. */
function monthKey(month: string | undefined): number | undefined {
  if (!month) return undefined;
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? Number(m[1]) * 100 + Number(m[2]) : undefined;
}

const unique = (values: string[]) => [...new Set(values.filter((v) => v.length > 0))];

/** Turn a request into the plan both engines execute; never throws on user text. */
export function planSearch(input: SearchRequest): SearchPlan {
  const request = SearchRequest.parse(input);
  const parsed = parseQuery(request.q);
  const f = request.filters;
  const os = unique([...f.os, ...parsed.operators.os].map((v) => osCondition(v)?.label ?? v.trim()));
  const selected: Record<FacetName, string[]> = {
    topic: unique([...f.topic, ...parsed.operators.topic].map((v) => v.trim().toLowerCase())),
    api: unique([...f.api, ...parsed.operators.api].map((v) => v.trim())),
    os,
    code: unique([...f.code, ...parsed.operators.code].map(normalizeCodeValue)),
  };
  const osConditions = os.map((label) => osCondition(label)).filter((c): c is OsCondition => c !== null);
  const activityFrom = monthKey(f.activityFrom);
  const activityTo = monthKey(f.activityTo);
  return {
    parsed,
    selected,
    osConditions,
    ...(f.osRange ? { osRange: f.osRange } : {}),
    ...(activityFrom !== undefined ? { activityFrom } : {}),
    ...(activityTo !== undefined ? { activityTo } : {}),
    sort: request.sort,
    page: request.page,
    perPage: request.perPage,
  };
}
