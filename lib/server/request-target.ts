import type { IncomingHttpHeaders } from 'node:http';
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state.js';
import type { ApiReply } from '@/lib/web/api-reply';
import { jsonErrorReply } from '@/lib/web/route-responses';
import { securityHeaders } from './security-headers';

/** The methods the site answers: it only reads. */
export const ALLOWED_METHODS = ['GET', 'HEAD'] as const;

/** A request the web server accepts: its target as a path and query (origin-form), to hand on. */
export type AcceptedTarget = { ok: true; target: string };
/** A request refused before Next.js sees it, with the short reply to send. */
export type RefusedTarget = { ok: false; reply: ApiReply };

/** Whether a piece of a URL is valid percent-encoding of UTF-8 (`%`, `%zz`, `%E0%A4%A`, `%C0%AF` are not). */
function decodes(piece: string): boolean {
  try {
    decodeURIComponent(piece);
    return true;
  } catch {
    return false;
  }
}

/** A short plain-text reply (for pages), or the JSON error of the API (under `/api/`). */
function refuse(status: 400 | 405, message: string, api: boolean, param?: string): RefusedTarget {
  const reply = api
    ? jsonErrorReply(status, message, param)
    : {
        status,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
        body: Buffer.from(`${message}\n`),
      };
  if (status === 405) reply.headers.Allow = ALLOWED_METHODS.join(', ');
  return { ok: false, reply };
}

/** The path and query of an absolute-form target (`GET http://host/x`), or null when it is no http(s) URL. */
function originForm(target: string): string | null {
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** Whether a Host header names a host, with an optional port (`example.com`, `127.0.0.1:3000`, `[::1]:80`). */
function validHost(host: string): boolean {
  if (!/^[A-Za-z0-9.\-_~!$&'()*+,;=%:[\]]+$/.test(host)) return false;
  try {
    const url = new URL(`http://${host}`);
    return url.host !== '' && `${url.pathname}${url.search}${url.hash}` === '/' && url.username === '';
  } catch {
    return false;
  }
}

/**
 * Whether a `Next-Router-State-Tree` header (sent by Next.js's client on its navigations) is absent or one
 * Next.js can read; it reads it with this very function, and logs an error for each one it cannot.
 */
function validRouterState(value: string | string[] | undefined): boolean {
  try {
    parseAndValidateFlightRouterState(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Check a request's method, Host, target and router state header before anything parses them: a method other than GET and HEAD (TRACE,
 * CONNECT, OPTIONS, POST…) is a 405 naming the allowed ones; a target that is not a path (`*`, `http://[`, a
 * port out of range) or whose path is not valid percent-encoded UTF-8 (`/posts/%`, `/apis/%C0%AF`) is a 400;
 * a query parameter that is not is a 400 naming the parameter; a missing or malformed Host header, or a
 * router state header Next.js cannot read, is a 400. Next.js would answer those with a 500, close the
 * connection without an answer, or log an error line for each.
 */
export function checkRequest(
  method: string | undefined,
  rawTarget: string | undefined,
  headers: IncomingHttpHeaders,
): AcceptedTarget | RefusedTarget {
  const host = headers.host;
  const raw = rawTarget ?? '';
  const target = raw.startsWith('/') ? raw : originForm(raw);
  const api = (target ?? '').startsWith('/api/');
  if (!(ALLOWED_METHODS as readonly string[]).includes(method ?? ''))
    return refuse(405, `Method ${String(method).slice(0, 20)} is not allowed: use GET or HEAD.`, api);
  if (host === undefined || !validHost(host))
    return refuse(400, 'Bad request: the Host header must name a host, such as example.com:3000.', api);
  if (!validRouterState(headers['next-router-state-tree']))
    return refuse(400, 'Bad request: the Next-Router-State-Tree header is not a router state.', api);
  if (target === null || target.startsWith('//'))
    return refuse(400, 'Bad request: the request target must be a path such as /?q=vpn.', api);
  const query = target.indexOf('?');
  const pathname = query === -1 ? target : target.slice(0, query);
  if (!decodes(pathname))
    return refuse(400, 'Bad request: the path is not valid percent-encoded UTF-8.', api);
  if (query !== -1) {
    for (const pair of target.slice(query + 1).split('&')) {
      const name = pair.split('=', 1)[0]!;
      if (decodes(pair.replace(/\+/g, ' '))) continue;
      const shown = decodes(name) ? decodeURIComponent(name).slice(0, 40) : name.slice(0, 40);
      return refuse(400, `Invalid parameter "${shown}": not valid percent-encoded UTF-8.`, api, shown);
    }
  }
  return { ok: true, target };
}

/** The refusal of a request Node's parser could not read (a bad request line, a header without a colon). */
export function unparsableRequest(): RefusedTarget {
  return refuse(400, 'Bad request: the request could not be parsed as HTTP/1.1.', false);
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed' };

/**
 * A refusal as the bytes of a whole HTTP response, security headers included, closing the connection: for
 * sockets Node hands us without a response object (CONNECT, unparsable requests).
 */
export function rawReply(result: AcceptedTarget | RefusedTarget, nonce: string): Buffer {
  const { reply } = result.ok
    ? refuse(405, 'Method CONNECT is not allowed: use GET or HEAD.', false)
    : result;
  const headers = {
    ...securityHeaders(nonce),
    ...reply.headers,
    'Content-Length': String(reply.body.byteLength),
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  const head = `HTTP/1.1 ${reply.status} ${REASONS[reply.status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), reply.body]);
}
