// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { onOrigin } from '@/lib/web/absolute-url';
import { openSearchXml } from '@/lib/web/opensearch';
import { apiHref, errorHref, postHref, topicHref } from '@/lib/web/post-links';
import { siteIdentity } from '@/lib/web/site-identity';
import { SITEMAP_LIMIT, sitemapPart, sitemapXml } from '@/lib/web/sitemap';
import { parseSitemap } from '../helpers/sitemap-xml';

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

describe('sitemapXml at 120,000 threads', () => {
  // Slugs as long as identify.ts makes them (60 characters of words, a hyphen, six hex digits).
  const THREADS = 120_000;
  const paths = [
    '/',
    '/errors',
    '/apis',
    '/topics',
    ...Array.from({ length: THREADS }, (_, i) =>
      postHref(
        `${'nepackettunnelprovider-stops-after-wake-'.padEnd(60, 'x')}-${i.toString(16).padStart(6, '0')}`,
      ),
    ),
    ...loadErrorCatalog().entries.map((e) => errorHref(e.code)),
    ...Array.from({ length: 400 }, (_, i) => apiHref(`NEHotspotConfigurationManager.Type${i}<T&U>`)),
    ...loadTopics().map((t) => topicHref(t.slug)),
  ];
  const parts = Math.ceil(paths.length / SITEMAP_LIMIT);
  const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

  it('indexes ceil(URLs / 50,000) parts, each well-formed XML of at most 50,000 URLs, every URL once', () => {
    expect(parts).toEqual(3);
    expect(parseSitemap(sitemapXml(paths, absolute)!)).toEqual({
      root: 'sitemapindex',
      namespace: NAMESPACE,
      entryTags: ['sitemap'],
      locs: [1, 2, 3].map((n) => `https://kb.example.org/sitemap.xml?part=${n}`),
    });
    const listed: string[] = [];
    for (let part = 1; part <= parts; part++) {
      const { root, namespace, entryTags, locs } = parseSitemap(sitemapXml(paths, absolute, part)!);
      expect({ root, namespace, entryTags }).toEqual({
        root: 'urlset',
        namespace: NAMESPACE,
        entryTags: ['url'],
      });
      expect(locs.length).toEqual(part < parts ? SITEMAP_LIMIT : paths.length - 2 * SITEMAP_LIMIT);
      listed.push(...locs);
    }
    // Every thread, error, API and topic URL exactly once, in order, escaped and read back as written.
    expect(listed.length).toEqual(paths.length);
    expect(listed.join('\n') === paths.map(absolute).join('\n')).toEqual(true);
    expect(listed).toContain('https://kb.example.org/apis/NEHotspotConfigurationManager.Type399%3CT%26U%3E');
    expect(sitemapXml(paths, absolute, parts + 1)).toEqual(null);
  }, 60_000);

  it('would notice a part that is not well-formed: the parser refuses it', () => {
    const part = sitemapXml(paths, absolute, 3)!;
    expect(() => parseSitemap(part.replace('%3CT%26U%3E', '<T&U>'))).toThrow(/^not well-formed XML/);
    expect(() => parseSitemap(part.replace('</urlset>', ''))).toThrow(/^not well-formed XML/);
  });

  it('keeps every part under 50 MB on the longest host name (253 characters)', () => {
    const host = `${'h'.repeat(63)}.${'o'.repeat(63)}.${'s'.repeat(63)}.${'t'.repeat(61)}`;
    expect(host.length).toEqual(253);
    const sizes = [1, 2, 3].map((part) =>
      Buffer.byteLength(sitemapXml(paths, onOrigin(`https://${host}`), part)!),
    );
    // 50,000 × 360 bytes: 18 MB, well under the 52,428,800 bytes sitemaps.org allows.
    expect(sizes.map((bytes) => bytes <= 50 * 1024 * 1024)).toEqual([true, true, true]);
    expect(sizes[0]).toBeGreaterThan(17_000_000);
  });
});

describe('sitemapPart', () => {
  it('reads no part as 0 (the index) and a plain decimal from 1 as its number', () => {
    expect([null, '1', '3', '123456789'].map(sitemapPart)).toEqual([0, 1, 3, 123456789]);
  });

  it('refuses every other spelling, so each part has one URL', () => {
    const refused = ['0', '', 'abc', '-1', '1.5', '1.0', '01', '1e3', '0x1', ' 1', '1 ', '+1', '1234567890'];
    expect(refused.map(sitemapPart)).toEqual(refused.map(() => null));
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
