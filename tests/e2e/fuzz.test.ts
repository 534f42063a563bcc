import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, type RawResponse } from './raw-http';
import { startServer, type Server } from './servers';
import { SEARCH_PARAMS } from '@/lib/web/search-params';

/**
 * Hostile requests against the built app: random and malformed methods, request targets, paths, query
 * parameters and headers, from a fixed seed. `FUZZ_RUNS` (default 2,000 requests) and `FUZZ_SEED` make a
 * longer or another run: `FUZZ_RUNS=20000 E2E_SKIP_BUILD=1 npx vitest run --config vitest.e2e.config.ts tests/e2e/fuzz.test.ts`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const BATCH = 8;

const SLUGS = [
  'tls-communication-error-between-iphone-and-ipad-8f8e4b',
  '0xbaadca11-occurs-when-voip-call-incoming-apns-push-bd01fc',
  'getting-wifi-ssid-8b8602',
];
const HOSTILE = [
  '%',
  '%%',
  '%E0%A4%A',
  '%zz',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%00',
  '%2F',
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '.',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '<script>',
  '"',
  "'",
  ';',
  '\\',
  '~',
  '*',
  '$',
  '%20',
  '+',
  'é',
  '%E2%9C%85',
  '%F0%9F%98%80',
  'a'.repeat(3000),
  '-9836',
  '0xBAADCA11',
  'NWConnection',
  'dns',
  'index.php',
  '%252F',
  '%u0041',
  '&',
  '=',
  '?',
  '#',
  '%23',
  'A%0D%0ASet-Cookie:%20x=1',
  '[',
  ']',
  '@',
  ':',
];
const segment = fc.oneof(
  fc.constantFrom(...SLUGS, ...HOSTILE),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.stringMatching(/^[a-z0-9%-]{0,30}$/),
);
const path = fc.oneof(
  { weight: 3, arbitrary: fc.constant('/') },
  { weight: 2, arbitrary: fc.constantFrom('/api/search', '/feed.xml') },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom('/posts/', '/api/posts/', '/errors/', '/apis/', '/topics/'), segment)
      .map(([a, b]) => a + b),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '/api/health',
      '/unavailable',
      '/errors',
      '/apis',
      '/topics',
      '/favicon.ico',
      '/_next/static/x.js',
      '/_next/image?url=x',
      '/robots.txt',
      '/api',
      '/api/',
      '/api/search/',
      '/posts',
      '/posts/',
    ),
  },
  { weight: 1, arbitrary: fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join('/')}`) },
);
const PARAMS = [...SEARCH_PARAMS, 'hl', 'x'];
const VALUES = [
  '',
  'vpn',
  '-9836',
  'abc',
  '0',
  '-1',
  '1',
  '2',
  '1001',
  '99999999',
  'iOS%2018',
  'iOS%2099999',
  'macOS',
  'dns',
  'DNS%20Proxy',
  'views',
  'nope',
  'api',
  'NWConnection',
  'a%22b',
  '%00',
  '%',
  '%E0%A4%A',
  '%zz',
  '%C0%AF',
  '%22%29%20OR%20%28',
  'x'.repeat(600),
  'NEVPNErrorDomain%20Code%3D5',
  '..%2F..',
  '%3Cscript%3E',
  '+',
  '1e3',
  '1.5',
];
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PARAMS),
      fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 8 }).map(encodeURIComponent)),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
const target = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.tuple(path, query).map(([p, q]) => (q ? `${p}?${q}` : p)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*',
      'http://[',
      'http://a:99999/x',
      'http://localhost/?q=vpn',
      'https://example.com/posts/x',
      '//evil.example/x',
      'example.com:443',
      'x',
      '/%',
      '?q=1',
      'http://localhost/%',
    ),
  },
);
const method = fc.oneof(
  { weight: 10, arbitrary: fc.constant('GET') },
  { weight: 2, arbitrary: fc.constant('HEAD') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
      'TRACE',
      'CONNECT',
      'PROPFIND',
      'BREW',
      'get',
    ),
  },
);
const HEADERS = [
  'Accept-Encoding: gzip',
  'Accept-Encoding: br;q=0, gzip;q=0',
  'Accept: text/html',
  'Accept: application/json',
  'Accept: */*;q=0',
  'RSC: 1',
  'Next-Router-State-Tree: %%garbage',
  'Next-Router-Prefetch: 1',
  'Next-Action: abc',
  'Next-Router-State-Tree: [["",{"children":["x"]}]]',
  'Range: bytes=0-10',
  'Range: bytes=abc',
  'If-None-Match: *',
  'If-Modified-Since: yesterday',
  'X-Forwarded-Host: evil.example',
  'X-Forwarded-Proto: gopher',
  'X-Forwarded-For: ::1',
  'Content-Type: application/json',
  'Content-Length: 0',
  'Cookie: a=%zz',
  'Referer: http://[',
  'Origin: null',
  'Accept-Language: zz',
  'Expect: 100-continue',
  'Content-Security-Policy: script-src *',
  'User-Agent: \u00ff',
  'Host: ',
  'Host: [::1',
  'x-middleware-subrequest: middleware',
  'x-nextjs-data: 1',
  'Purpose: prefetch',
];
const headers = fc.uniqueArray(fc.constantFrom(...HEADERS), {
  maxLength: 4,
  selector: (h) => h.split(':')[0]!.toLowerCase(),
});
const request = fc.record({ method, target, headers });
type FuzzRequest =
  fc.Arbitrary<typeof request extends fc.Arbitrary<infer T> ? T : never> extends fc.Arbitrary<infer U>
    ? U
    : never;

function raw({ method, target, headers }: FuzzRequest, host: string): string {
  const lines = [
    `${method} ${target} HTTP/1.1`,
    ...(headers.some((h) => h.startsWith('Host:')) ? [] : [`Host: ${host}`]),
    ...headers,
    'Connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The names of the query parameters of a request target. */
function paramNames(target: string): string[] {
  const query = target.indexOf('?');
  if (query === -1) return [];
  return target
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0]!;
      try {
        return decodeURIComponent(name);
      } catch {
        return name;
      }
    });
}

/** The parameter a 400 page or JSON body names (ours, or Next's image optimizer's), or null. */
function namedParam(response: RawResponse): string | null {
  if (response.headers['content-type']?.startsWith('application/json')) {
    try {
      return (JSON.parse(response.body) as { error?: { param?: string } }).error?.param ?? null;
    } catch {
      return null;
    }
  }
  return (
    /Parameter <code>([^<]*)<\/code>|^Invalid parameter "([^"]*)"|^"([^"]+)" parameter/
      .exec(response.body)
      ?.slice(1)
      .find(Boolean) ?? null
  );
}

let server: Server;
beforeAll(async () => {
  server = await startServer('tmp/e2e/main');
});
afterAll(() => server?.stop());

/** A request that broke a rule, with what came back. */
type Problem = { sent: string; status: number; body: string };

describe('hostile requests to the built app', () => {
  it(`never get a 5xx, and every 400 that a query parameter caused names it (${RUNS} requests, seed ${SEED})`, async () => {
    const host = new URL(server.url).host;
    const statuses = new Map<number, number>();
    const fiveHundreds: Problem[] = [];
    const unnamed: Problem[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const responses = await Promise.all(batch.map((r) => rawRequest(server.url, raw(r, host))));
        responses.forEach((response, i) => {
          const sent = batch[i]!;
          const problem = {
            sent: raw(sent, host),
            status: response.status,
            body: response.body.slice(0, 300),
          };
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500 || response.status === 0) fiveHundreds.push(problem);
          // Our server's own refusals of a method, Host or target say so; any other 400 is a parameter's.
          const byParam =
            response.status === 400 &&
            sent.method === 'GET' &&
            !/^(\{"error":\{"status":400,"message":")?(Bad request|Method)/.test(response.body);
          if (byParam && !paramNames(sent.target).includes(namedParam(response) ?? '')) unnamed.push(problem);
        });
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / BATCH) },
    );
    const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fuzz: ${sent} requests, seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    const log = server.output().split('\n');
    expect({
      sent,
      fiveHundreds: fiveHundreds.slice(0, 5),
      unnamed: unnamed.slice(0, 5),
      stackTraces: log.filter((l) => /^\s+at /.test(l)).slice(0, 5),
      failures: log.filter((l) => /failed|Error/.test(l)).slice(0, 5),
    }).toEqual({
      sent: Math.ceil(RUNS / BATCH) * BATCH,
      fiveHundreds: [],
      unnamed: [],
      stackTraces: [],
      failures: [],
    });
  }, 600_000);
});
