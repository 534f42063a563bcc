/** The sitemap as a crawler reads it: how many parts and URLs, and the slowest response (index or part). */
export type SitemapFigures = { parts: number; urls: number; slowestMs: number };

/** GET a URL and read its body whole, timed; a status other than 200 is an error naming the URL. */
async function timedText(url: string): Promise<{ text: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { text, ms: performance.now() - started };
}

/** The `<loc>` values of a sitemap document, unescaped. */
function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) =>
    m[1]!
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&'),
  );
}

/**
 * Read `/sitemap.xml` on `origin` as a crawler does: the one `<urlset>`, or the `<sitemapindex>` and then each
 * part it lists, one after another, timing every response.
 */
export async function measureSitemap(origin: string): Promise<SitemapFigures> {
  const first = await timedText(`${origin}/sitemap.xml`);
  if (!first.text.includes('<sitemapindex'))
    return { parts: 1, urls: locs(first.text).length, slowestMs: first.ms };
  let urls = 0;
  let slowestMs = first.ms;
  const parts = locs(first.text);
  for (const part of parts) {
    const { text, ms } = await timedText(part);
    urls += locs(text).length;
    slowestMs = Math.max(slowestMs, ms);
  }
  return { parts: parts.length, urls, slowestMs };
}
