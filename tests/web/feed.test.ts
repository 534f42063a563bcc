import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml, monthToTimestamp, rfc3339 } from '@/lib/web/feed';

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

  it('dates an empty feed, or one with no known activity, when it was made; an unknown activity at the epoch', () => {
    expect(monthToTimestamp(null)).toEqual('1970-01-01T00:00:00Z');
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
    expect(buildAtomFeed({ ...feed, entries: [unknown] }).split('\n')[6]).toEqual(
      '  <updated>2026-12-03T13:20:05Z</updated>',
    );
  });
});
