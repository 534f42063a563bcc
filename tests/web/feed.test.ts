import { describe, expect, it } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import type { SearchResult } from '@/lib/search/types';
import { onOrigin } from '@/lib/web/absolute-url';
import { buildAtomFeed, escapeXml, monthToTimestamp, rfc3339 } from '@/lib/web/feed';
import { siteIdentity } from '@/lib/web/site-identity';
import { searchFeedXml } from '@/lib/web/search-feed';
import { EMPTY_STATE } from '@/lib/web/search-params';
import { realPosts } from '../helpers/engines';

describe('escapeXml', () => {
  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(escapeXml(`<script>"a" & 'b'\u0000\u0008</script>`)).toEqual(
      '&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;',
    );
  });
});

describe('buildAtomFeed', () => {
  it('escapes every title, summary, link and category, and dates the feed by its newest entry', () => {
    const xml = buildAtomFeed({
      id: 'http://x/feed.xml?q=a&b',
      title: 'Search: <b>"tls"</b>',
      selfUrl: 'http://x/feed.xml?q=a&b',
      alternateUrl: 'http://x/?q=a&b',
      author: 'NE & Co',
      generatedAt: '2026-01-01T00:00:00Z',
      entries: [
        {
          id: 'http://x/posts/a',
          title: 'Title with <img src=x onerror=alert(1)> & more',
          link: 'http://x/posts/a?x="1"',
          updated: monthToTimestamp('2025-04'),
          summary: 'Body ]]> <private>',
          categories: ['a&b'],
        },
        {
          id: 'http://x/posts/b',
          title: 'B',
          link: 'http://x/posts/b',
          updated: monthToTimestamp('2025-05'),
          summary: 'b',
        },
      ],
    });
    expect(xml).toEqual(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '  <id>http://x/feed.xml?q=a&amp;b</id>',
        '  <title>Search: &lt;b&gt;&quot;tls&quot;&lt;/b&gt;</title>',
        '  <link rel="self" type="application/atom+xml" href="http://x/feed.xml?q=a&amp;b"/>',
        '  <link rel="alternate" type="text/html" href="http://x/?q=a&amp;b"/>',
        '  <updated>2025-05-01T00:00:00Z</updated>',
        '  <author><name>NE &amp; Co</name></author>',
        '  <entry>',
        '    <id>http://x/posts/a</id>',
        '    <title>Title with &lt;img src=x onerror=alert(1)&gt; &amp; more</title>',
        '    <link rel="alternate" type="text/html" href="http://x/posts/a?x=&quot;1&quot;"/>',
        '    <updated>2025-04-01T00:00:00Z</updated>',
        '    <category term="a&amp;b"/>',
        '    <summary type="text">Body ]]&gt; &lt;private&gt;</summary>',
        '  </entry>',
        '  <entry>',
        '    <id>http://x/posts/b</id>',
        '    <title>B</title>',
        '    <link rel="alternate" type="text/html" href="http://x/posts/b"/>',
        '    <updated>2025-05-01T00:00:00Z</updated>',
        '    <summary type="text">b</summary>',
        '  </entry>',
        '</feed>',
        '',
      ].join('\n'),
    );
  });

  it('dates an empty feed, or one with no known activity, when it was made; an undated entry by the feed', () => {
    expect(monthToTimestamp(null)).toEqual(null);
    const feed = {
      id: 'i',
      title: 't',
      selfUrl: 's',
      alternateUrl: 'a',
      author: 'A',
      generatedAt: rfc3339(new Date(Date.UTC(2026, 11, 3, 13, 20, 5, 123))),
    };
    expect(buildAtomFeed({ ...feed, entries: [] }).split('\n')[6]).toEqual(
      '  <updated>2026-12-03T13:20:05Z</updated>',
    );
    const unknown = { id: 'x', title: 'x', link: 'x', updated: monthToTimestamp(null), summary: 'x' };
    const undated = buildAtomFeed({ ...feed, entries: [unknown] }).split('\n');
    expect(undated[6]).toEqual('  <updated>2026-12-03T13:20:05Z</updated>');
    expect(undated[12]).toEqual('    <updated>2026-12-03T13:20:05Z</updated>');
    const dated = { ...unknown, id: 'y', updated: monthToTimestamp('2025-03') };
    const mixed = buildAtomFeed({ ...feed, entries: [unknown, dated] });
    expect(mixed.match(/<updated>[^<]*<\/updated>/g)).toEqual([
      '<updated>2025-03-01T00:00:00Z</updated>',
      '<updated>2025-03-01T00:00:00Z</updated>',
      '<updated>2025-03-01T00:00:00Z</updated>',
    ]);
    expect(mixed).not.toContain('1970');
  });
});

describe('searchFeedXml', () => {
  const absolute = onOrigin('https://kb.example.org');
  const now = new Date(Date.UTC(2026, 11, 4, 9, 30, 0));
  const site = siteIdentity([{ name: 'Network Extension', kinds: ['tag'], count: 20 }]);
  const result = (posts: Post[]): SearchResult => ({
    total: posts.length,
    page: 1,
    perPage: 50,
    tookMs: 1,
    facets: { topic: {}, api: {}, os: {}, code: {}, forum: {} },
    hits: posts.map((post) => ({
      post,
      snippet: '',
      titleHtml: post.title,
      matchedTerms: [],
      highlight: '',
    })),
  });

  it('dates each entry by its activity, else its creation month, else the feed; never 1970; with an author', async () => {
    const [a, b, c] = await realPosts();
    const posts = [
      { ...a!, activity: null, created: null },
      { ...b!, activity: null, created: '2024-11' },
      { ...c!, activity: '2025-02', created: '2023-01' },
    ];
    const xml = searchFeedXml(EMPTY_STATE, result(posts), absolute, site, now);
    expect(xml.match(/<updated>[^<]*<\/updated>/g)).toEqual([
      '<updated>2025-02-01T00:00:00Z</updated>',
      '<updated>2025-02-01T00:00:00Z</updated>',
      '<updated>2024-11-01T00:00:00Z</updated>',
      '<updated>2025-02-01T00:00:00Z</updated>',
    ]);
    expect(xml).toContain('  <author><name>NE Forum Search</name></author>');
    expect(xml).not.toContain('1970');
  });

  it('dates an empty feed when it was made', () => {
    const xml = searchFeedXml({ ...EMPTY_STATE, q: 'nothing' }, result([]), absolute, site, now);
    expect(xml.match(/<updated>[^<]*<\/updated>/g)).toEqual(['<updated>2026-12-04T09:30:00Z</updated>']);
    expect(xml).toContain('  <author><name>NE Forum Search</name></author>');
    expect(xml).toContain('<id>https://kb.example.org/feed.xml?q=nothing</id>');
  });
});
