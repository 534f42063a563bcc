/**
 * A JSON API answer as bytes, whichever server sends it: a Next.js route handler turns it into a `Response`
 * (replyResponse), the web server's direct routes write it to the socket as it is.
 */
export type ApiReply = { status: number; headers: Record<string, string>; body: Buffer };

/** A JSON reply that no cache may keep. */
export function jsonReply(status: number, body: string | Buffer): ApiReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    body: typeof body === 'string' ? Buffer.from(body) : body,
  };
}

/** The Fetch API `Response` of a reply, for route handlers. */
export function replyResponse(reply: ApiReply): Response {
  return new Response(new Uint8Array(reply.body), { status: reply.status, headers: reply.headers });
}
