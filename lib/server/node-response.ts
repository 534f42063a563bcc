import type { ServerResponse } from 'node:http';

/** Write a Fetch API `Response` (what route handlers return) to a Node response; `head` sends no body. */
export async function sendWebResponse(res: ServerResponse, response: Response, head = false): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(head ? undefined : body);
}
