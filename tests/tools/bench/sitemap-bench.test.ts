import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onOrigin } from '@/lib/web/absolute-url';
import { sitemapPart, sitemapXml } from '@/lib/web/sitemap';
import { measureSitemap } from '@/tools/bench/sitemap-bench';

const PATHS = ['/', '/posts/a', '/posts/b', '/apis/A&B', '/errors/-9836'];

/** A server answering `/sitemap.xml?part=N` as the app does, with parts of `limit` URLs; `missing` a 404. */
async function sitemapServer(limit: number, missing?: number): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = `http://${req.headers.host}`;
    const part = sitemapPart(url.searchParams.get('part'));
    const xml = part === null ? null : sitemapXml(PATHS, onOrigin(origin), part, limit);
    if (url.pathname !== '/sitemap.xml' || xml === null || part === missing) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/xml' }).end(xml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

describe('measureSitemap', () => {
  let split: { origin: string; server: Server };
  let whole: { origin: string; server: Server };
  let broken: { origin: string; server: Server };

  beforeAll(async () => {
    [split, whole, broken] = await Promise.all([sitemapServer(2), sitemapServer(10), sitemapServer(1, 3)]);
  });
  afterAll(() => {
    for (const s of [split, whole, broken]) s.server.close();
  });

  it('reads the index and then every part it lists, counting their URLs', async () => {
    const figures = await measureSitemap(split.origin);
    expect({ parts: figures.parts, urls: figures.urls }).toEqual({ parts: 3, urls: 5 });
    expect(figures.slowestMs).toBeGreaterThan(0);
  });

  it('reads a sitemap of one part as one part', async () => {
    const figures = await measureSitemap(whole.origin);
    expect({ parts: figures.parts, urls: figures.urls }).toEqual({ parts: 1, urls: 5 });
  });

  it('names the part that does not answer 200', async () => {
    await expect(measureSitemap(broken.origin)).rejects.toThrow(
      `${broken.origin}/sitemap.xml?part=3 answered 404`,
    );
  });
});
