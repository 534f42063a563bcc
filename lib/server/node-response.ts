import type { ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { ApiReply } from '@/lib/web/api-reply';

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
 * Write a JSON API reply to a Node response: status, headers, body. The body is gzipped off the main thread
 * (zlib's thread pool) when the client accepts it, as Next.js does for its routes.
 */
export async function sendReply(
  res: ServerResponse,
  reply: ApiReply,
  options: SendOptions = {},
): Promise<void> {
  let body = reply.body;
  const headers: Record<string, string> = { ...reply.headers };
  if (body.byteLength >= COMPRESS_MIN_BYTES) {
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    if (!options.head && acceptsGzip(options.acceptEncoding)) {
      body = await gzipAsync(body);
      headers['content-encoding'] = 'gzip';
    }
  }
  headers['content-length'] = String(body.byteLength);
  res.writeHead(reply.status, headers);
  res.end(options.head ? undefined : body);
}
