import type { ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Bodies smaller than this go uncompressed (as Next.js's own `compress` does). */
const COMPRESS_MIN_BYTES = 1024;

/** Whether an `Accept-Encoding` header accepts gzip (and does not refuse it with `q=0`). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    return !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

export type SendOptions = {
  /** HEAD: headers only, the body's length as sent uncompressed. */
  head?: boolean;
  /** The request's `Accept-Encoding`: gzip bodies of 1 kB or more when it accepts gzip. */
  acceptEncoding?: string | undefined;
};

/**
 * Write a Fetch API `Response` (what route handlers return) to a Node response: status, headers, body. The body
 * is gzipped off the main thread (zlib's thread pool) when the client accepts it, as Next.js does for its routes.
 */
export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  options: SendOptions = {},
): Promise<void> {
  let body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body.byteLength >= COMPRESS_MIN_BYTES) {
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    if (!options.head && acceptsGzip(options.acceptEncoding)) {
      body = await gzipAsync(body);
      headers['content-encoding'] = 'gzip';
    }
  }
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(options.head ? undefined : body);
}
