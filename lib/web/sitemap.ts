import { escapeXml } from './feed';

/** The most URLs one sitemap file may hold (sitemaps.org); past it, `/sitemap.xml` is an index of parts. */
export const SITEMAP_LIMIT = 50_000;

/** A `<urlset>` of absolute URLs. */
export function buildUrlSet(urls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** A `<sitemapindex>` of sitemap URLs. */
export function buildSitemapIndex(sitemaps: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((u) => `  <sitemap><loc>${escapeXml(u)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/**
 * The part a `?part=` value asks for: 0 (the sitemap, or the index of parts) when absent, N for a plain
 * decimal `N` from 1; null (a 404) for anything else (`0`, `abc`, `-1`, `1.5`, `01`, `1e3`, empty), so each part
 * has one URL and the index only `/sitemap.xml`.
 */
export function sitemapPart(param: string | null): number | null {
  if (param === null) return 0;
  return /^[1-9]\d{0,8}$/.test(param) ? Number(param) : null;
}

/**
 * The sitemap for `paths` (root-relative) on `absolute`: one `<urlset>` up to `limit` URLs; past it, part 0 is
 * an index of `/sitemap.xml?part=N` (from 1), each a `<urlset>` of at most `limit`. Null for a part that does
 * not exist.
 */
export function sitemapXml(
  paths: readonly string[],
  absolute: (path: string) => string,
  part = 0,
  limit = SITEMAP_LIMIT,
): string | null {
  const parts = Math.ceil(paths.length / limit);
  if (parts <= 1) return part === 0 ? buildUrlSet(paths.map(absolute)) : null;
  if (part === 0)
    return buildSitemapIndex(Array.from({ length: parts }, (_, i) => absolute(`/sitemap.xml?part=${i + 1}`)));
  if (part > parts) return null;
  return buildUrlSet(paths.slice((part - 1) * limit, part * limit).map(absolute));
}
