import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';
import { getSearchEngine } from '@/lib/search/create-engine';
import { directRoute } from './direct-routes';
import { sendReply } from './node-response';
import { checkRequest, rawReply, unparsableRequest } from './request-target';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';
import { warmSearchEngine } from './warm-up';

/** `hostname` unset listens on every interface, as `next start` does. */
export type WebServerOptions = {
  port: number;
  hostname?: string | undefined;
  dir?: string;
  /** Load the search index right after listening instead of on the first search (default true). */
  warm?: boolean;
};

/** A listening web server. */
export type WebServer = { server: Server; url: string; close: () => Promise<void> };

/**
 * Serve the production build: every response with the security headers (`security-headers.ts`, the one place
 * they are set); a bad method or request target refused before anything parses it (`request-target.ts`);
 * `/api/search` and `/api/health` straight from their route handlers, every other request (pages, assets, the
 * other routes) through Next.js. A configuration that selects no engine (`MEILI_HOST` not a URL, an unknown
 * `SEARCH_ENGINE`) throws before anything listens. Resolves once it listens; the search index then loads in
 * the background.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { port, hostname } = options;
  await getSearchEngine();
  // No hostname for Next.js, whatever we listen on: it would build the URLs the proxy sees on `localhost` and
  // compare a rewrite with its own origin on `hostname`, so every rewrite would go out as a proxied request.
  const app = next({ dev: false, dir: options.dir ?? process.cwd(), port });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const nonce = newNonce();
    for (const [name, value] of Object.entries(securityHeaders(nonce))) res.setHeader(name, value);
    // HTTP/1.0 may leave out Host; Next.js needs one.
    if (req.headers.host === undefined && req.httpVersion === '1.0') req.headers.host = 'localhost';
    const checked = checkRequest(req.method, req.url, req.headers);
    if (!checked.ok) return sendReply(res, checked.reply, { head: req.method === 'HEAD' });
    req.url = checked.target;
    // Next.js reads the nonce for its inline scripts from the policy among the request's headers.
    req.headers['content-security-policy'] = contentSecurityPolicy(nonce);
    delete req.headers['content-security-policy-report-only'];
    // Direct routes read only the path and query; the origin is a placeholder to parse them.
    const url = new URL(`http://localhost${checked.target}`);
    const direct = directRoute(req.method, url.pathname);
    if (!direct) return nextHandler(req, res);
    await sendReply(res, await direct(url), {
      head: req.method === 'HEAD',
      acceptEncoding: req.headers['accept-encoding'],
    });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error.');
    });
  });
  // CONNECT never reaches 'request' in Node, and a request line it cannot parse never reaches us either: both
  // get a short answer of ours (with the security headers) instead of a dropped connection or a bare 400.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.end(rawReply(checkRequest(req.method, req.url, req.headers), newNonce()));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    socket.end(rawReply(unparsableRequest(), newNonce()));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (hostname) server.listen(port, hostname, resolve);
    else server.listen(port, resolve);
  });
  // After listening, never before: loading the index while Next.js prepares slows both down (one thread).
  if (options.warm !== false) void warmSearchEngine();
  const address = server.address();
  const host = !hostname || hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${typeof address === 'object' && address ? address.port : port}`;
  return {
    server,
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
