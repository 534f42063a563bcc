import net from 'node:net';
import { gunzipSync } from 'node:zlib';

/** A response as read off the socket: status, headers (lowercased names), the body decoded from chunks. */
export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/** Undo `Transfer-Encoding: chunked`. */
function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const eol = body.indexOf('\r\n', at);
    if (eol === -1) break;
    const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Send raw request bytes (any method, target or header a client could write, valid or not) to `origin` on one
 * connection, and read the response until the server closes it (the request should say `Connection: close`).
 */
export function rawRequest(origin: string, request: string, timeoutMs = 20_000): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no answer in ${timeoutMs} ms to ${JSON.stringify(request.slice(0, 200))}`)),
    );
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      let all = Buffer.concat(chunks);
      // Interim answers (`100 Continue`) come before the response.
      while (/^HTTP\/1\.[01] 1\d\d /.test(all.subarray(0, 13).toString('latin1')) && all.includes('\r\n\r\n'))
        all = all.subarray(all.indexOf('\r\n\r\n') + 4);
      const end = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, end === -1 ? all.length : end).toString('latin1');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const raw = end === -1 ? Buffer.alloc(0) : all.subarray(end + 4);
      const whole = headers['transfer-encoding'] === 'chunked' ? unchunk(raw) : raw;
      const body = headers['content-encoding'] === 'gzip' && whole.length > 0 ? gunzipSync(whole) : whole;
      resolve({ status, headers, body: body.toString('utf8') });
    });
    // Not end(): a Node server drops a half-closed connection before it answers.
    socket.write(request);
  });
}
