import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightHtml, matchRanges, snippetHtml } from '@/lib/search/highlight';

describe('highlighting', () => {
  it('escapes the text first, then marks whole tokens', () => {
    expect(highlightHtml('<script>alert("tls")</script> TLS & co', ['tls'])).toBe(
      '&lt;script&gt;alert(&quot;<mark>tls</mark>&quot;)&lt;/script&gt; <mark>TLS</mark> &amp; co',
    );
  });

  it('marks a token when one of its parts matches (dotted, snake_case, camelCase, hex without 0x)', () => {
    expect(
      highlightHtml('NWProtocolTLS.Options IP_RECVIF NEHotspotHelper 0xBAADCA11', [
        'recvif',
        'options',
        'hotspot',
        'baadca11',
      ]),
    ).toBe(
      '<mark>NWProtocolTLS.Options</mark> <mark>IP_RECVIF</mark> <mark>NEHotspotHelper</mark> <mark>0xBAADCA11</mark>',
    );
  });

  it('never marks inside a word that merely contains the term', () => {
    expect(matchRanges('tunneling tunnel', ['tunnel'])).toEqual([[10, 16]]);
  });

  it('cuts a snippet around the densest run of matches, at word boundaries, with ellipses', () => {
    const text = `${'filler '.repeat(60)}the vpn tunnel drops the vpn ${'tail '.repeat(60)}`;
    const snippet = snippetHtml(text, ['vpn'], 60);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('the <mark>vpn</mark> tunnel drops the <mark>vpn</mark>');
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(62);
  });

  it('returns the whole text, highlighted, when it is short', () => {
    expect(snippetHtml('short & sweet', ['sweet'])).toBe('short &amp; <mark>sweet</mark>');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });
});
