import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightHtml, matchRanges, snippetHtml } from '@/lib/search/highlight';
import { forEachPart, isPlainToken, scanTokens, tokenParts } from '@/lib/search/tokenize';
import { realPosts } from '../helpers/engines';

/** The reference: test every token of the text (what matchRanges did before it looked terms up first). */
function everyTokenRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const set = new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0));
  const ranges: Array<[number, number]> = [];
  if (set.size === 0) return ranges;
  scanTokens(text, (start, end) => {
    let hit = set.has(text.slice(start, end).toLowerCase());
    if (!hit && !isPlainToken(text, start, end))
      forEachPart(text, start, end, (part) => (hit ||= set.has(part)));
    if (hit) ranges.push([start, end]);
  });
  return ranges;
}

describe('matchRanges looks terms up, then tests only the tokens around them', () => {
  it('finds exactly the tokens a test of every token finds, on generated text', () => {
    const pieces = [
      'vpn',
      'VPN',
      'Tunnel',
      'tunnel',
      'NE',
      'Packet',
      '0x',
      'baadca11',
      'BAADCA11',
      '.',
      '..',
      '_',
      ' ',
      '  ',
      '\n',
      '-',
      '(',
      ')',
      'é',
      'İ',
      'Σ',
      'ß',
      '😀',
      '9836',
      'a',
      'B',
      'x',
      'ς',
      'ǅ',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        text,
        fc.array(
          fc.constantFrom(
            'vpn',
            'tunnel',
            'ne',
            'packet',
            'baadca11',
            '0xbaadca11',
            'a',
            'x',
            'é',
            'i̇',
            'σ',
            'ß',
            '9836',
            'vpn.tunnel',
            'tunnel_vpn',
          ),
          { maxLength: 4 },
        ),
        (t, terms) => {
          expect(matchRanges(t, terms)).toEqual(everyTokenRanges(t, terms));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds exactly the tokens a test of every token finds, in every real post, for each of its own terms', async () => {
    for (const post of await realPosts()) {
      const text = `${post.title} ${post.body}`;
      const terms = [...new Set(text.split(/\s+/).flatMap((w) => tokenParts(w)))].slice(0, 60);
      for (let i = 0; i < terms.length; i += 3) {
        const some = terms.slice(i, i + 3);
        expect(matchRanges(text, some)).toEqual(everyTokenRanges(text, some));
      }
    }
  });
});

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
