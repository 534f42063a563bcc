import { describe, expect, it } from 'vitest';
import { checkRequest, rawReply, unparsableRequest } from '@/lib/server/request-target';
import { contentSecurityPolicy, securityHeaders } from '@/lib/server/security-headers';

const HOST = '127.0.0.1:3000';

/** What checkRequest makes of a request: the target handed on, or the status and body of the refusal. */
function outcome(method: string | undefined, target: string | undefined, ...host: [string | undefined] | []) {
  const result = checkRequest(method, target, { host: host.length ? host[0] : HOST });
  if (result.ok) return { target: result.target };
  return {
    status: result.reply.status,
    body: result.reply.body.toString('utf8').trim(),
    allow: result.reply.headers.Allow,
  };
}

describe('checking a request before Next.js sees it', () => {
  it('hands on paths, and absolute-form targets as their path and query', () => {
    expect(
      [
        '/',
        '/?q=-9836&topic=dns',
        '/posts/getting-wifi-ssid-8b8602',
        '/posts/%E2%9C%85',
        'http://localhost:3000/?q=vpn',
      ].map((t) => outcome('GET', t)),
    ).toEqual([
      { target: '/' },
      { target: '/?q=-9836&topic=dns' },
      { target: '/posts/getting-wifi-ssid-8b8602' },
      { target: '/posts/%E2%9C%85' },
      { target: '/?q=vpn' },
    ]);
  });

  it('answers malformed percent-encoding in a path with 400, JSON under /api/', () => {
    const bad = 'Bad request: the path is not valid percent-encoded UTF-8.';
    expect(
      ['/posts/%', '/posts/%E0%A4%A', '/errors/%', '/apis/%C0%AF', '/api/posts/%zz'].map((t) =>
        outcome('GET', t),
      ),
    ).toEqual([
      { status: 400, body: bad, allow: undefined },
      { status: 400, body: bad, allow: undefined },
      { status: 400, body: bad, allow: undefined },
      { status: 400, body: bad, allow: undefined },
      { status: 400, body: JSON.stringify({ error: { status: 400, message: bad } }), allow: undefined },
    ]);
  });

  it('answers request targets that are no path with 400', () => {
    const bad = 'Bad request: the request target must be a path such as /?q=vpn.';
    expect(
      ['http://[', 'http://a:99999/x', '*', 'example.com:443', '//evil.example/x', ''].map((t) =>
        outcome('GET', t),
      ),
    ).toEqual(Array.from({ length: 6 }, () => ({ status: 400, body: bad, allow: undefined })));
  });

  it('answers a query parameter that is not valid percent-encoding with 400 naming it', () => {
    expect([outcome('GET', '/?q=%E0%A4%A'), outcome('GET', '/api/search?page=1&code=%zz')]).toEqual([
      { status: 400, body: 'Invalid parameter "q": not valid percent-encoded UTF-8.', allow: undefined },
      {
        status: 400,
        body: JSON.stringify({
          error: {
            status: 400,
            message: 'Invalid parameter "code": not valid percent-encoded UTF-8.',
            param: 'code',
          },
        }),
        allow: undefined,
      },
    ]);
  });

  it('answers TRACE, CONNECT, OPTIONS and POST with 405 and the methods allowed', () => {
    expect(
      ['TRACE', 'CONNECT', 'OPTIONS', 'POST'].map((m) => outcome(m, m === 'OPTIONS' ? '*' : '/')),
    ).toEqual(
      ['TRACE', 'CONNECT', 'OPTIONS', 'POST'].map((m) => ({
        status: 405,
        body: `Method ${m} is not allowed: use GET or HEAD.`,
        allow: 'GET, HEAD',
      })),
    );
  });

  it('answers a missing or malformed Host header with 400', () => {
    const bad = 'Bad request: the Host header must name a host, such as example.com:3000.';
    expect(
      [undefined, '', '[::1', 'a b', 'user@host', 'host/path'].map((h) => outcome('GET', '/', h)),
    ).toEqual(Array.from({ length: 6 }, () => ({ status: 400, body: bad, allow: undefined })));
    expect([outcome('GET', '/', '[::1]:80'), outcome('GET', '/', 'example.com')]).toEqual([
      { target: '/' },
      { target: '/' },
    ]);
  });

  it('answers a router state header Next.js cannot read with 400, and hands on one it can', () => {
    const check = (state: string) =>
      checkRequest('GET', '/', { host: HOST, 'next-router-state-tree': state }).ok;
    expect(
      [
        '%%garbage',
        '[["",{"children":["x"]}]]',
        encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }])),
      ].map(check),
    ).toEqual([false, false, true]);
  });

  it('writes a refusal as a whole HTTP response with the security headers, for sockets without a response', () => {
    const text = rawReply(unparsableRequest(), 'bm9uY2U=').toString('latin1');
    expect(text.split('\r\n')).toEqual([
      'HTTP/1.1 400 Bad Request',
      `Content-Security-Policy: ${contentSecurityPolicy('bm9uY2U=')}`,
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
      'X-Frame-Options: DENY',
      'Content-Type: text/plain; charset=utf-8',
      'Cache-Control: no-store',
      'Content-Length: 58',
      'Connection: close',
      '',
      'Bad request: the request could not be parsed as HTTP/1.1.\n',
    ]);
  });
});

describe('the security headers', () => {
  it('allow scripts from our origin and with the nonce only, no plugins, no framing', () => {
    expect(securityHeaders('abc')).toEqual({
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self' 'nonce-abc'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });
});
