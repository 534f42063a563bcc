import { describe, expect, it } from 'vitest';
import { onOrigin } from '@/lib/web/absolute-url';
import { openSearchXml } from '@/lib/web/opensearch';
import { siteIdentity } from '@/lib/web/site-identity';
import { SITEMAP_LIMIT, sitemapXml } from '@/lib/web/sitemap';

const absolute = onOrigin('https://kb.example.org');

describe('sitemapXml', () => {
  it('lists every path as an absolute, escaped <loc> in one urlset', () => {
    expect(sitemapXml(['/', '/apis/A&B'], absolute)).toEqual(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://kb.example.org/</loc></url>',
        '  <url><loc>https://kb.example.org/apis/A&amp;B</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
    expect(sitemapXml(['/'], absolute, 1)).toEqual(null);
  });

  it('becomes an index of parts of at most 50,000 URLs past 50,000', () => {
    const paths = Array.from({ length: SITEMAP_LIMIT * 2 + 1 }, (_, i) => `/posts/p${i}`);
    expect(sitemapXml(paths, absolute)).toEqual(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <sitemap><loc>https://kb.example.org/sitemap.xml?part=1</loc></sitemap>',
        '  <sitemap><loc>https://kb.example.org/sitemap.xml?part=2</loc></sitemap>',
        '  <sitemap><loc>https://kb.example.org/sitemap.xml?part=3</loc></sitemap>',
        '</sitemapindex>',
        '',
      ].join('\n'),
    );
    expect(sitemapXml(paths, absolute, 2)!.match(/<url>/g)!.length).toEqual(SITEMAP_LIMIT);
    expect(sitemapXml(paths, absolute, 3)).toContain(
      `<loc>https://kb.example.org/posts/p${SITEMAP_LIMIT * 2}</loc>`,
    );
    expect(sitemapXml(paths, absolute, 4)).toEqual(null);
  });
});

describe('openSearchXml', () => {
  it('describes the search page and feed on the origin', () => {
    const xml = openSearchXml('https://kb.example.org', siteIdentity([]));
    expect(xml).toContain(
      '<Url type="text/html" method="get" template="https://kb.example.org/?q={searchTerms}"/>',
    );
    expect(xml).toContain('<ShortName>NE Forum Search</ShortName>');
  });
});
