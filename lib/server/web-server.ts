import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import { directRoute } from './direct-routes';
import { sendReply } from './node-response';
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
 * Serve the production build: `/api/search` and `/api/health` straight from their route handlers, every
 * other request (pages, assets, the other routes) through Next.js. Resolves once it listens; the search index
 * then loads in the background.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { port, hostname } = options;
  const app = next({
    dev: false,
    dir: options.dir ?? process.cwd(),
    port,
    ...(hostname ? { hostname } : {}),
  });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Direct routes read only the path and query; the origin is a placeholder to parse them.
    const url = new URL(req.url ?? '/', 'http://localhost');
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
