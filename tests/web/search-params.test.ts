import { describe, expect, it } from 'vitest';
import { ParamError } from '@/lib/errors';
import { planSearch } from '@/lib/search/plan';
import { parseSearchParams } from '@/lib/web/search-params';
import { searchHref, stateToParams, toSearchRequest } from '@/lib/web/search-url';

/** The ParamError a parse throws, or undefined. */
function paramError(raw: URLSearchParams | Record<string, string | string[]>): ParamError | undefined {
  try {
    parseSearchParams(raw);
    return undefined;
  } catch (error) {
    if (error instanceof ParamError) return error;
    throw error;
  }
}

describe('parseSearchParams', () => {
  it('reads every parameter, repeated ones as lists, and normalises OS labels and codes', () => {
    const raw = new URLSearchParams(
      'q=tls+error&topic=tls-certificates&api=NWConnection&api=NWProtocolTLS.Options&os=ios 18&code=9836&code=0xbaadca11&osmin=ios 17&sort=views&page=2&limit=5&facetLimit=10&expand=api',
    );
    expect(parseSearchParams(raw)).toEqual({
      state: {
        q: 'tls error',
        topic: ['tls-certificates'],
        api: ['NWConnection', 'NWProtocolTLS.Options'],
        os: ['iOS 18'],
        code: ['-9836', '0xBAADCA11'],
        forum: [],
        osmin: 'iOS 17',
        sort: 'views',
        page: 2,
        expand: 'api',
      },
      limit: 5,
      facetLimit: 10,
    });
  });

  it('accepts the record shape Next gives pages, ignores unknown and empty parameters', () => {
    expect(
      parseSearchParams({ q: '', api: ['NEHotspotHelper', ''], hl: 'x', utm_source: 'chat' }).state,
    ).toEqual({
      q: '',
      topic: [],
      api: ['NEHotspotHelper'],
      os: [],
      code: [],
      forum: [],
      sort: 'relevance',
      page: 1,
    });
  });

  it('defaults to 20 hits and 100 values per facet, no facet expanded', () => {
    const { state, limit, facetLimit } = parseSearchParams(new URLSearchParams('q=vpn'));
    expect({ expand: state.expand, limit, facetLimit }).toEqual({
      expand: undefined,
      limit: 20,
      facetLimit: 100,
    });
  });

  it('drops duplicate values of one facet', () => {
    expect(parseSearchParams(new URLSearchParams('code=-9836&code=9836')).state.code).toEqual(['-9836']);
  });

  it.each([
    [
      'sort=newest',
      'sort',
      'Invalid parameter "sort": expected one of relevance, activity, views, replies, boosts',
    ],
    ['page=0', 'page', 'Invalid parameter "page": expected a whole number from 1 to 1000'],
    ['page=abc', 'page', 'Invalid parameter "page": expected a whole number from 1 to 1000'],
    ['limit=500', 'limit', 'Invalid parameter "limit": expected a whole number from 1 to 100'],
    [
      'os=Android 14',
      'os',
      `Invalid parameter "os": expected an OS version such as 'iOS 18' or 'macOS 15.0'`,
    ],
    [
      'osmin=iOS',
      'osmin',
      `Invalid parameter "osmin": expected an OS version such as 'iOS 18' or 'macOS 15.0'`,
    ],
    [
      'after=2025-13',
      'after',
      `Invalid parameter "after": expected a month such as '2025-05' (or a year such as '2025')`,
    ],
    [
      'before=May 2025',
      'before',
      `Invalid parameter "before": expected a month such as '2025-05' (or a year such as '2025')`,
    ],
    ['after=2025-05&after=2025-06', 'after', 'Invalid parameter "after": give this parameter once'],
    ['topic=DNS Proxy', 'topic', `Invalid parameter "topic": expected a topic slug such as 'dns-proxy'`],
    ['api=NW"Connection', 'api', `Invalid parameter "api": expected an API name such as 'NWConnection'`],
    [
      'code=")OR(1',
      'code',
      `Invalid parameter "code": expected an error code such as '-9836', '0xBAADCA11' or 'NEVPNErrorDomain 5'`,
    ],
    ['sort=views&sort=boosts', 'sort', 'Invalid parameter "sort": give this parameter once'],
    ['facetLimit=0', 'facetLimit', 'Invalid parameter "facetLimit": expected a whole number from 1 to 1000'],
    [
      'facetLimit=1001',
      'facetLimit',
      'Invalid parameter "facetLimit": expected a whole number from 1 to 1000',
    ],
    ['expand=apis', 'expand', 'Invalid parameter "expand": expected one of topic, api, os, code, forum'],
    ['expand=api&expand=os', 'expand', 'Invalid parameter "expand": give this parameter once'],
  ])('refuses %s naming the parameter', (qs, param, message) => {
    const error = paramError(new URLSearchParams(qs));
    expect({ param: error?.param, message: error?.message }).toEqual({ param, message });
  });

  it('reads forum= as forum names, repeated, white space tidied, into the URL and the engine request', () => {
    const { state } = parseSearchParams(
      new URLSearchParams('forum=Network+Extension&forum=%20Privacy%20%20%26%20Security%20'),
    );
    expect(state.forum).toEqual(['Network Extension', 'Privacy & Security']);
    expect(searchHref(state)).toEqual('/?forum=Network+Extension&forum=Privacy+%26+Security');
    expect(toSearchRequest(state).filters!.forum).toEqual(['Network Extension', 'Privacy & Security']);
  });

  it.each([
    ['forum=' + 'x'.repeat(101), 'Invalid parameter "forum": forum name longer than 100 characters'],
    ['forum=a%00b', `Invalid parameter "forum": expected a forum name such as 'Network Extension'`],
  ])('refuses %s naming the forum parameter', (qs, message) => {
    const error = paramError(new URLSearchParams(qs));
    expect({ param: error?.param, message: error?.message }).toEqual({ param: 'forum', message });
  });

  it('refuses a query longer than 500 characters', () => {
    expect(paramError({ q: 'x'.repeat(501) })?.param).toEqual('q');
  });
});

describe('state ↔ URL', () => {
  it('writes the canonical query string: defaults left out, facets repeated in a fixed order', () => {
    const { state } = parseSearchParams(
      new URLSearchParams('page=3&sort=activity&code=-9836&api=A&api=B&q=vpn'),
    );
    expect(stateToParams(state).toString()).toEqual('q=vpn&api=A&api=B&code=-9836&sort=activity&page=3');
  });

  it('writes the expanded facet last, and drops the API-only facetLimit', () => {
    const { state } = parseSearchParams(new URLSearchParams('expand=os&facetLimit=5&q=vpn&page=2'));
    expect(searchHref(state)).toEqual('/?q=vpn&page=2&expand=os');
  });

  it('round-trips: parsing the written URL gives the same state', () => {
    const { state } = parseSearchParams(
      new URLSearchParams(
        'q="exact phrase" -word&topic=dns&os=macOS 15.0&osmin=iOS 17&after=2025-05&before=2026&code=OSSystemExtensionErrorDomain 1&expand=code',
      ),
    );
    const again = parseSearchParams(new URL(searchHref(state), 'http://x').searchParams).state;
    expect(again).toEqual(state);
  });

  it('writes the empty search as the bare path', () => {
    expect(searchHref(parseSearchParams({}).state)).toEqual('/');
  });

  it('turns a state into an engine request with the OS range as numbers', () => {
    const { state } = parseSearchParams(new URLSearchParams('q=vpn&os=iOS 18&osmin=iOS 17&page=2'));
    expect(toSearchRequest(state, 10)).toEqual({
      q: 'vpn',
      filters: {
        topic: [],
        api: [],
        os: ['iOS 18'],
        code: [],
        forum: [],
        osRange: { platform: 'iOS', min: 17000000 },
      },
      sort: 'relevance',
      page: 2,
      perPage: 10,
    });
  });

  it('reads after/before as the operators do: after from its month, before up to the month before it', () => {
    const { state } = parseSearchParams(new URLSearchParams('q=vpn&before=2026-01&after=2025'));
    expect([state.after, state.before]).toEqual(['2025-01', '2026-01']);
    expect(stateToParams(state).toString()).toEqual('q=vpn&after=2025-01&before=2026-01');
    expect(toSearchRequest(state, 10).filters).toEqual({
      topic: [],
      api: [],
      os: [],
      code: [],
      forum: [],
      activityFrom: '2025-01',
      activityTo: '2025-12',
    });
    const march = parseSearchParams(new URLSearchParams('before=2025-03')).state;
    expect(toSearchRequest(march).filters).toEqual({
      topic: [],
      api: [],
      os: [],
      code: [],
      forum: [],
      activityTo: '2025-02',
    });
    expect(planSearch(toSearchRequest(state))).toMatchObject({
      activityFrom: planSearch({ q: 'after:2025 before:2026-01' }).activityFrom,
      activityTo: 202512,
    });
  });
});
