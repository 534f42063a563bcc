import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseServeArgs, UsageError } from '@/lib/cli/args';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { SearchRequest } from '@/lib/search/types';
import { directRoute } from '@/lib/server/direct-routes';
import { acceptsGzip, sendReply } from '@/lib/server/node-response';
import { warmSearchEngine } from '@/lib/server/warm-up';
import { apiSearchResponseBody, toApiSearchResponse } from '@/lib/web/api-response';
import { jsonReply, replyResponse } from '@/lib/web/api-reply';
import { errorReply } from '@/lib/web/route-responses';
import { ParamError } from '@/lib/errors';
import { EngineUnavailableError } from '@/lib/errors';
import { realPosts } from '../helpers/engines';
import { tempDir } from '../helpers/fixtures';

const bodyText = (result: Parameters<typeof apiSearchResponseBody>[0]) =>
  apiSearchResponseBody(result).toString('utf8');

describe('the JSON body of /api/search', () => {
  let engine: EmbeddedEngine;
  beforeAll(async () => {
    engine = new EmbeddedEngine(tempDir('ne-api-json-'), { cacheEntries: 8 });
    await engine.replaceAll(await realPosts());
  });

  const requests: SearchRequest[] = [
    { q: '-9836' },
    { q: 'vpn', filters: { topic: ['packet-tunnel-vpn'] }, perPage: 3 },
    { q: 'no such words anywhere zzzq' },
    { q: '', sort: 'views', page: 2, perPage: 5 },
    { q: 'vpn tunnel fails after ios 18.3.2 update with packet tunnel provider and on demand rules' },
  ];

  it.each(requests)('is byte-for-byte JSON.stringify of the API response for %j', async (request) => {
    const result = await engine.search(request);
    expect(bodyText(result)).toEqual(JSON.stringify(toApiSearchResponse(result)));
  });

  it('reports the words past the limit as droppedWords, and only then', async () => {
    // Strict, so only the word limit drops words (no thread has all ten: without strict the best partial
    // matches do without more, listed after these and in relaxedWords).
    const long = await engine.search({ ...requests[4]!, strict: true });
    // `tunnel` is read once; `18.3.2` counts three words: ten with `with`.
    expect(JSON.parse(bodyText(long)).droppedWords).toEqual([
      'packet',
      'provider',
      'and',
      'on',
      'demand',
      'rules',
    ]);
    expect('droppedWords' in JSON.parse(bodyText(await engine.search(requests[1]!)))).toEqual(false);
    const relaxed = JSON.parse(bodyText(await engine.search(requests[4]!))) as Record<string, string[]>;
    expect(relaxed.droppedWords!.slice(0, 6)).toEqual(['packet', 'provider', 'and', 'on', 'demand', 'rules']);
    expect(relaxed.droppedWords!.slice(6)).toEqual(relaxed.relaxedWords);
  });

  it('ends with the did-you-mean suggestion when there is one, byte-for-byte as JSON.stringify', async () => {
    const result = await engine.search({ q: 'contnet fitler provdr' });
    const body = apiSearchResponseBody(result, 100, 'content filter provider').toString('utf8');
    expect(body).toEqual(JSON.stringify(toApiSearchResponse(result, 100, 'content filter provider')));
    expect(body.endsWith(',"relaxedWords":["provdr"],"suggestion":"content filter provider"}')).toEqual(true);
    expect(apiSearchResponseBody(result, 100, undefined).toString('utf8')).not.toContain('suggestion');
  });

  it('reuses the serialised hits and facets of a cached result and still reports its own time', async () => {
    const first = await engine.search({ q: 'NEHotspotHelper' });
    const again = { ...(await engine.search({ q: 'NEHotspotHelper' })), tookMs: 123.5 };
    expect(again.hits).toBe(first.hits);
    expect(bodyText(first)).toEqual(JSON.stringify(toApiSearchResponse(first)));
    const body = JSON.parse(bodyText(again)) as { tookMs: number; total: number };
    expect({ tookMs: body.tookMs, total: body.total }).toEqual({ tookMs: 123.5, total: first.total });
    expect(bodyText(again)).toEqual(JSON.stringify(toApiSearchResponse(again)));
  });

  it('cuts each facet to facetLimit values, most frequent first, and counts what each facet had', async () => {
    const result = await engine.search({ q: '' });
    const body = apiSearchResponseBody(result, 2).toString('utf8');
    expect(body).toEqual(JSON.stringify(toApiSearchResponse(result, 2)));
    const parsed = JSON.parse(body) as {
      facets: Record<string, Record<string, number>>;
      facetTotals: unknown;
    };
    expect(Object.fromEntries(Object.entries(parsed.facets).map(([f, v]) => [f, Object.entries(v)]))).toEqual(
      {
        topic: [
          ['packet-tunnel-vpn', 8],
          ['background-lifecycle', 4],
        ],
        api: [
          ['NEPacketTunnelProvider', 4],
          ['NETransparentProxyProvider', 3],
        ],
        os: [
          ['iOS 16', 1],
          ['iOS 17', 1],
        ],
        code: [
          ['-9836', 1],
          ['0xBAADCA11', 1],
        ],
        forum: [['Network Extension', 20]],
      },
    );
    expect(parsed.facetTotals).toEqual({ topic: 9, api: 45, os: 7, code: 3, forum: 1 });
    // The same result asked with the default limit still gets every value (the real dump has fewer than 100).
    expect(JSON.parse(bodyText(result))).toMatchObject({ facets: result.facets });
  });
});

describe('JSON API replies', () => {
  it('map errors to 400 naming the parameter, 503 with Retry-After while the engine is down, 500 without details', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const replies = [
      errorReply(new ParamError('page', 'expected a whole number from 1 to 1000')),
      errorReply(new EngineUnavailableError('no index in data/')),
      errorReply(new Error('secret detail')),
    ];
    spy.mockRestore();
    expect(replies.map((r) => [r.status, r.headers, JSON.parse(r.body.toString()) as unknown])).toEqual([
      [
        400,
        { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        {
          error: {
            status: 400,
            message: 'Invalid parameter "page": expected a whole number from 1 to 1000',
            param: 'page',
          },
        },
      ],
      [
        503,
        { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Retry-After': '30' },
        { error: { status: 503, message: 'The search engine is unavailable; try again shortly.' } },
      ],
      [
        500,
        { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        { error: { status: 500, message: 'Internal error.' } },
      ],
    ]);
  });

  it('become a Response with the same status, headers and bytes for route handlers', async () => {
    const response = replyResponse(jsonReply(201, '{"ü":1}'));
    expect([
      response.status,
      response.headers.get('content-type'),
      response.headers.get('cache-control'),
      await response.text(),
    ]).toEqual([201, 'application/json', 'no-store', '{"ü":1}']);
  });
});

describe('routes the web server answers without Next.js', () => {
  it('answers GET and HEAD of /api/search and /api/health, and nothing else', () => {
    const cases = [
      ['GET', '/api/search'],
      ['HEAD', '/api/search'],
      ['GET', '/api/health'],
      ['POST', '/api/search'],
      ['GET', '/api/search/'],
      ['GET', '/api/posts/some-slug'],
      ['GET', '/'],
      [undefined, '/api/search'],
    ] as const;
    expect(cases.map(([method, path]) => directRoute(method, path) !== undefined)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('writing a JSON API reply to Node', () => {
  const large = JSON.stringify({ text: 'é'.repeat(1500) });
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const reply = jsonReply(418, req.url === '/large' ? large : '{"a":"é"}');
      void sendReply(res, reply, {
        head: req.method === 'HEAD',
        acceptEncoding: req.headers['accept-encoding'],
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const headersOf = (response: Response) =>
    ['content-type', 'cache-control', 'content-length', 'content-encoding', 'vary'].map((h) =>
      response.headers.get(h),
    );

  it('sends the status, the headers, the byte length and the body; under 1 kB never compressed', async () => {
    const response = await fetch(origin, { headers: { 'Accept-Encoding': 'gzip' } });
    expect([response.status, ...headersOf(response), await response.text()]).toEqual([
      418,
      'application/json',
      'no-store',
      '10',
      null,
      null,
      '{"a":"é"}',
    ]);
  });

  it('gzips a body of 1 kB or more when the client accepts gzip, and says it varies', async () => {
    const gzipped = await fetch(`${origin}/large`, { headers: { 'Accept-Encoding': 'gzip' } });
    const length = Number(gzipped.headers.get('content-length'));
    expect([
      gzipped.headers.get('content-encoding'),
      gzipped.headers.get('vary'),
      await gzipped.text(),
    ]).toEqual(['gzip', 'Accept-Encoding', large]);
    expect(length).toBeLessThan(200);
    const plain = await fetch(`${origin}/large`, { headers: { 'Accept-Encoding': 'identity' } });
    expect([...headersOf(plain), await plain.text()]).toEqual([
      'application/json',
      'no-store',
      String(Buffer.byteLength(large)),
      null,
      'Accept-Encoding',
      large,
    ]);
  });

  it('sends the headers without a body for HEAD, with the uncompressed length', async () => {
    const response = await fetch(`${origin}/large`, {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect([response.status, ...headersOf(response), await response.text()]).toEqual([
      418,
      'application/json',
      'no-store',
      String(Buffer.byteLength(large)),
      null,
      'Accept-Encoding',
      '',
    ]);
  });

  it('reads Accept-Encoding: gzip or *, not a gzip refused with q=0', () => {
    const headers = [
      undefined,
      '',
      'gzip',
      'deflate, gzip;q=0.5',
      'br, *',
      'gzip;q=0',
      'GZIP; q=0.000',
      'identity',
      'x-gzip',
    ];
    expect(headers.map(acceptsGzip)).toEqual([false, false, true, true, true, false, false, false, false]);
  });
});

describe('one engine per process', () => {
  it('is shared by separate copies of the engine module (Next.js bundles its own copy beside the server’s)', async () => {
    vi.resetModules();
    const first = await import('@/lib/search/create-engine');
    vi.resetModules();
    const second = await import('@/lib/search/create-engine');
    expect(first).not.toBe(second);
    expect(await first.getSearchEngine()).toBe(await second.getSearchEngine());
  });
});

describe('warming the search engine after start-up', () => {
  const SLOT = Symbol.for('ne-forum-search.search-engine');
  type Slot = { [SLOT]?: unknown };

  /** Run the warm-up against a stand-in engine whose search does `search`; returns its calls and the log. */
  async function warmWith(search: (request: SearchRequest) => Promise<unknown>) {
    const slot = globalThis as Slot;
    const saved = slot[SLOT];
    const calls: SearchRequest[] = [];
    const logged: string[] = [];
    slot[SLOT] = {
      search: (request: SearchRequest) => {
        calls.push(request);
        return search(request);
      },
    };
    try {
      await warmSearchEngine((line) => logged.push(line));
    } finally {
      slot[SLOT] = saved;
    }
    return { calls, logged };
  }

  it('loads the index with one one-hit search of everything', async () => {
    expect(await warmWith(async () => ({ total: 0 }))).toEqual({
      calls: [{ q: '', perPage: 1 }],
      logged: [],
    });
  });

  it('leaves a missing index to the requests (they answer 503) and logs any other failure', async () => {
    const missing = await warmWith(() => Promise.reject(new EngineUnavailableError('no index in data/')));
    const broken = await warmWith(() => Promise.reject(new Error('index file is damaged at byte 12')));
    expect([missing.logged, broken.logged]).toEqual([
      [],
      ['search index warm-up failed: index file is damaged at byte 12'],
    ]);
  });
});

describe('npm start arguments', () => {
  it('defaults to port 3000 on every interface, takes PORT, and the flags of next start', () => {
    expect([
      parseServeArgs([], {}),
      parseServeArgs([], { PORT: '8080' }),
      parseServeArgs(['-p', '4000', '-H', '127.0.0.1'], { PORT: '8080' }),
      parseServeArgs(['--port=0', '--hostname', '::1'], {}),
    ]).toEqual([
      { port: 3000 },
      { port: 8080 },
      { port: 4000, hostname: '127.0.0.1' },
      { port: 0, hostname: '::1' },
    ]);
  });

  it('names the option of a bad port or an unknown flag', () => {
    expect(() => parseServeArgs(['--port', 'eighty'], {})).toThrow(
      new UsageError('--port: expected a port number'),
    );
    expect(() => parseServeArgs(['--port', '70000'], {})).toThrow(UsageError);
    expect(() => parseServeArgs(['--verbose'], {})).toThrow(new UsageError("Unknown option '--verbose'."));
  });
});
