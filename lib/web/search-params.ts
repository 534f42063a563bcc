import { z } from 'zod';
import { osCondition, parseOsLabel } from '@/lib/posts/os-labels';
import { normalizeCodeValue, normalizeForumName } from '@/lib/search/plan';
import { monthOperand } from '@/lib/search/query';
import { FacetName, SORTS, SortOrder } from '@/lib/search/types';
import { DEFAULT_FACET_LIMIT } from './facet-limit';
import { ParamError } from '@/lib/errors';

/** Raw query parameters as Next passes them to a page, or as a `URLSearchParams`. */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const MAX_VALUES = 20;

/** One value per parameter: the last one wins would hide mistakes, so a repeat is an error. */
function single<Out>(schema: z.ZodType<Out, string>) {
  return z
    .array(z.string())
    .max(1, 'give this parameter once')
    .transform((values) => values[0])
    .pipe(schema.optional());
}

/** A repeatable parameter: each value validated, duplicates dropped, order kept. */
function many(schema: z.ZodType<string, string>) {
  return z
    .array(schema)
    .max(MAX_VALUES, `at most ${MAX_VALUES} values`)
    .transform((values) => [...new Set(values)]);
}

const Topic = z
  .string()
  .max(60, 'topic slug longer than 60 characters')
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), "expected a topic slug such as 'dns-proxy'");

const Api = z
  .string()
  .max(100, 'API name longer than 100 characters')
  .transform((v) => v.trim())
  .refine((v) => /^[A-Za-z_][A-Za-z0-9_.]*$/.test(v), "expected an API name such as 'NWConnection'");

const OsLabel = z
  .string()
  .max(40, 'OS version longer than 40 characters')
  .refine((v) => osCondition(v) !== null, "expected an OS version such as 'iOS 18' or 'macOS 15.0'")
  .transform((v) => osCondition(v)!.label);

/** The lower end of an OS range: a version, never a platform alone. */
const OsMinimum = z
  .string()
  .max(40, 'OS version longer than 40 characters')
  .refine((v) => parseOsLabel(v) !== null, "expected an OS version such as 'iOS 18' or 'macOS 15.0'")
  .transform((v) => osCondition(v)!.label);

const Code = z
  .string()
  .max(80, 'error code longer than 80 characters')
  .refine(
    (v) => /^[A-Za-z0-9_.:= -]+$/.test(v.trim()),
    "expected an error code such as '-9836', '0xBAADCA11' or 'NEVPNErrorDomain 5'",
  )
  .transform(normalizeCodeValue);

/** An activity month: `2025-05`, or a year alone (`2025`, its January), as the `after:`/`before:` operators read. */
const Month = z
  .string()
  .max(10, 'month longer than 10 characters')
  .refine(
    (v) => monthOperand(v) !== undefined,
    "expected a month such as '2025-05' (or a year such as '2025')",
  )
  .transform((v) => monthOperand(v)!);

const Forum = z
  .string()
  .max(100, 'forum name longer than 100 characters')
  .transform(normalizeForumName)
  .refine((v) => v.length > 0 && !/\p{Cc}/u.test(v), "expected a forum name such as 'Network Extension'");

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `expected a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `expected a whole number from 1 to ${max}`);

const SortParam = z.string().refine((v): v is SortOrder => (SORTS as readonly string[]).includes(v), {
  message: `expected one of ${SORTS.join(', ')}`,
});

const ExpandParam = z
  .string()
  .refine((v): v is FacetName => (FacetName.options as readonly string[]).includes(v), {
    message: `expected one of ${FacetName.options.join(', ')}`,
  });

/** The URL parameters of a search, validated; the shape the page and the API share. */
const SearchParamsSchema = z.object({
  q: single(z.string().max(500, 'query longer than 500 characters')),
  topic: many(Topic),
  api: many(Api),
  os: many(OsLabel),
  code: many(Code),
  forum: many(Forum),
  osmin: single(OsMinimum),
  after: single(Month),
  before: single(Month),
  sort: single(SortParam),
  page: single(wholeNumber(1000)),
  limit: single(wholeNumber(100)),
  facetLimit: single(wholeNumber(1000)),
  expand: single(ExpandParam),
  strict: single(z.enum(['1', '0'], { message: 'expected 1 (every word must match) or 0' })),
});

/** The whole search state the URL holds. */
export const SearchState = z.object({
  q: z.string(),
  topic: z.array(z.string()),
  api: z.array(z.string()),
  os: z.array(z.string()),
  code: z.array(z.string()),
  /** Forum names (`Network Extension`): the listings a thread was seen under. */
  forum: z.array(z.string()),
  /** Lower bound of an OS range on one platform, as a label: `iOS 17` means iOS ≥ 17. */
  osmin: z.string().optional(),
  /** Activity from this month on (`YYYY-MM`), as `after:2025-05`. */
  after: z.string().optional(),
  /** Activity before this month (`YYYY-MM`; the month itself excluded), as `before:2026-01`. */
  before: z.string().optional(),
  sort: SortOrder,
  page: z.number().int().positive(),
  /** A facet the search page lists whole instead of its most frequent values (a view choice, not a filter). */
  expand: FacetName.optional(),
  /** Every word must match (`strict=1`): no partial matches when no thread has them all. */
  strict: z.literal(true).optional(),
});
export type SearchState = z.infer<typeof SearchState>;

/** The empty search. */
export const EMPTY_STATE: SearchState = {
  q: '',
  topic: [],
  api: [],
  os: [],
  code: [],
  forum: [],
  sort: 'relevance',
  page: 1,
};

/** Every query parameter a search page or `/api/search` reads. */
export const SEARCH_PARAMS = [
  'q',
  'topic',
  'api',
  'os',
  'code',
  'forum',
  'osmin',
  'after',
  'before',
  'sort',
  'page',
  'limit',
  'facetLimit',
  'expand',
  'strict',
] as const;

/** Group raw params into name → non-empty values, for the known names only (others such as `hl` are ignored). */
export function collectParams(raw: RawParams): Record<(typeof SEARCH_PARAMS)[number], string[]> {
  const get = (name: string): string[] => {
    if (raw instanceof URLSearchParams) return raw.getAll(name);
    const v = raw[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return Object.fromEntries(SEARCH_PARAMS.map((k) => [k, get(k).filter((v) => v.trim() !== '')])) as Record<
    (typeof SEARCH_PARAMS)[number],
    string[]
  >;
}

/** Parsed parameters: the state plus the API's `limit` (hits per page) and `facetLimit` (values per facet). */
export type ParsedParams = { state: SearchState; limit: number; facetLimit: number };

/** Validate raw parameters; throws ParamError naming the first bad parameter. */
export function parseSearchParams(raw: RawParams): ParsedParams {
  const result = SearchParamsSchema.safeParse(collectParams(raw));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ParamError(String(issue.path[0] ?? 'query'), issue.message);
  }
  const p = result.data;
  const state: SearchState = {
    q: p.q?.trim() ?? '',
    topic: p.topic,
    api: p.api,
    os: p.os,
    code: [...new Set(p.code)],
    forum: p.forum,
    ...(p.osmin ? { osmin: p.osmin } : {}),
    ...(p.after ? { after: p.after } : {}),
    ...(p.before ? { before: p.before } : {}),
    sort: p.sort ?? 'relevance',
    page: p.page ?? 1,
    ...(p.expand ? { expand: p.expand } : {}),
    ...(p.strict === '1' ? { strict: true as const } : {}),
  };
  return { state, limit: p.limit ?? 20, facetLimit: p.facetLimit ?? DEFAULT_FACET_LIMIT };
}
