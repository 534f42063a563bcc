import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightHtml, matchRanges, snippetHtml } from '@/lib/search/highlight';
import { highlightQuery, type HighlightQuery } from '@/lib/search/highlight-query';
import { parseQuery } from '@/lib/search/query';
import { isPartBoundary, scanTokens, tokenParts } from '@/lib/search/tokenize';
import { realPosts } from '../helpers/engines';

/** The highlight of a query as typed, with the index terms an engine says matched. */
const hq = (q: string, matched: string[] = []) => highlightQuery(parseQuery(q), matched);
/** A highlight of words only. */
const words = (list: string[]): HighlightQuery => ({ words: list, phrases: [], domainCodes: [] });

/** The reference: every token, every start of every word in it, both ends at part boundaries. */
function everyTokenRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  scanTokens(text, (start, end) => {
    const token = text.slice(start, end);
    const lower = token.toLowerCase();
    for (const term of terms) {
      if (term.length === 0) continue;
      if (lower.length !== token.length) {
        if (lower === term) found.push([start, end]);
        continue;
      }
      for (let i = 0; i + term.length <= lower.length; i++) {
        const stop = start + i + term.length;
        if (
          lower.startsWith(term, i) &&
          isPartBoundary(text, start, end, start + i) &&
          isPartBoundary(text, start, end, stop)
        ) {
          const hex =
            /^[0-9a-f]+$/.test(term) &&
            i >= 2 &&
            lower.startsWith('0x', i - 2) &&
            isPartBoundary(text, start, end, start + i - 2);
          found.push([start + i - (hex ? 2 : 0), stop]);
        }
      }
    }
  });
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of found) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

describe('matchRanges looks words up, then tests only the tokens around them', () => {
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
          expect(matchRanges(t, words(terms))).toEqual(everyTokenRanges(t, terms));
        },
      ),
      { numRuns: 3000, seed: 1313 },
    );
  });

  it('finds exactly the tokens a test of every token finds, in every real post, for each of its own terms', async () => {
    for (const post of await realPosts()) {
      const text = `${post.title} ${post.body}`;
      const terms = [...new Set(text.split(/\s+/).flatMap((w) => tokenParts(w)))].slice(0, 60);
      for (let i = 0; i < terms.length; i += 3) {
        const some = terms.slice(i, i + 3);
        expect(matchRanges(text, words(some))).toEqual(everyTokenRanges(text, some));
      }
    }
  });
});

describe('highlighting', () => {
  it('escapes the text first, then marks whole tokens', () => {
    expect(highlightHtml('<script>alert("tls")</script> TLS & co', hq('tls'))).toBe(
      '&lt;script&gt;alert(&quot;<mark>tls</mark>&quot;)&lt;/script&gt; <mark>TLS</mark> &amp; co',
    );
  });

  it('marks the run of parts a plain word matches (dotted, snake_case, camelCase, hex with its 0x)', () => {
    expect(
      highlightHtml(
        'NWProtocolTLS.Options IP_RECVIF NEHotspotHelper 0xBAADCA11',
        hq('recvif options hotspot baadca11'),
      ),
    ).toBe(
      'NWProtocolTLS.<mark>Options</mark> IP_<mark>RECVIF</mark> NE<mark>Hotspot</mark>Helper <mark>0xBAADCA11</mark>',
    );
  });

  it('merges the runs of adjacent parts into one mark', () => {
    expect(highlightHtml('NEPacketTunnelProvider', hq('packet tunnel'))).toBe(
      'NE<mark>PacketTunnel</mark>Provider',
    );
  });

  it('never marks inside a word that merely contains the term, nor across a part', () => {
    expect(matchRanges('tunneling tunnel', hq('tunnel'))).toEqual([[10, 16]]);
    expect(matchRanges('NWProtocolTLS', hq('col'))).toEqual([]);
  });

  it('cuts a snippet around the densest run of matches, at word boundaries, with ellipses', () => {
    const text = `${'filler '.repeat(60)}the vpn tunnel drops the vpn ${'tail '.repeat(60)}`;
    const snippet = snippetHtml(text, hq('vpn'), 60);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('the <mark>vpn</mark> tunnel drops the <mark>vpn</mark>');
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(62);
  });

  it('returns the whole text, highlighted, when it is short', () => {
    expect(snippetHtml('short & sweet', hq('sweet'))).toBe('short &amp; <mark>sweet</mark>');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });
});

describe('highlighting marks only what the query matched', () => {
  const CODE = 'let o = NWProtocolTCP.Options(); let t = NWProtocolTLS.Options(); options';

  it('marks an identifier where the whole identifier stands, never another with one part in common', () => {
    // What the embedded engine reports for this query on the TLS thread: its typo and split forms too.
    const matched = ['nwprotocoltls.options', 'nwprotocoltcp.options', 'protocoltls.options', 'options'];
    expect(highlightHtml(CODE, hq('NWProtocolTLS.Options', matched))).toBe(
      'let o = NWProtocolTCP.Options(); let t = <mark>NWProtocolTLS.Options</mark>(); options',
    );
  });

  it('marks the exact run of parts an identifier query word spells inside a longer identifier', () => {
    expect(highlightHtml(CODE, hq('NWProtocolTLS'))).toBe(
      'let o = NWProtocolTCP.Options(); let t = <mark>NWProtocolTLS</mark>.Options(); options',
    );
    expect(highlightHtml('NWProtocolTLS.Options.Metadata', hq('nwprotocoltls.options'))).toBe(
      '<mark>NWProtocolTLS.Options</mark>.Metadata',
    );
  });

  it('marks a plain word in prose and as a part of any identifier', () => {
    expect(highlightHtml(CODE, hq('options'))).toBe(
      'let o = NWProtocolTCP.<mark>Options</mark>(); let t = NWProtocolTLS.<mark>Options</mark>(); <mark>options</mark>',
    );
  });

  const SYSEXT =
    'Activation fails with OSSystemExtensionErrorDomain code 1. Error Domain=OSSystemExtensionErrorDomain Code=1 "x", later (OSSystemExtensionErrorDomain error 1.) and OSSystemExtensionErrorDomain code 12. Steps: 1. sign the code 2. run it.';

  it('marks a domain\'s code only right after its domain, never a bare number or every "code"', () => {
    expect(
      highlightHtml(
        SYSEXT,
        hq('OSSystemExtensionErrorDomain code 1', ['ossystemextensionerrordomain', 'code', '1']),
      ),
    ).toBe(
      'Activation fails with <mark>OSSystemExtensionErrorDomain code 1</mark>. Error Domain=<mark>OSSystemExtensionErrorDomain Code=1</mark> &quot;x&quot;, later (<mark>OSSystemExtensionErrorDomain error 1</mark>.) and <mark>OSSystemExtensionErrorDomain</mark> code 12. Steps: 1. sign the code 2. run it.',
    );
  });

  it('reads the domain code forms a query can take: Code=5, Domain=… -1009, one word', () => {
    const nevpn = 'Error Domain=NEVPNErrorDomain Code=5 "config invalid" and code 5 of 5.';
    const marked =
      'Error Domain=<mark>NEVPNErrorDomain Code=5</mark> &quot;config invalid&quot; and code 5 of 5.';
    expect(highlightHtml(nevpn, hq('NEVPNErrorDomain Code=5'))).toBe(marked);
    expect(highlightHtml(nevpn, hq('NEVPNErrorDomain5'))).toBe(marked);
    expect(
      highlightHtml('Domain=NSURLErrorDomain Code=-1009 and -1009', hq('Domain=NSURLErrorDomain -1009')),
    ).toBe('Domain=<mark>NSURLErrorDomain Code=-1009</mark> and -1009');
  });

  it('still marks typo and prefix matches of plain words, and a split word where its halves stand together', () => {
    const text =
      'Content filter configuration; call create UDPSessionToEndpoint, not createTCPConnectToEndpoint.';
    expect(highlightHtml(text, hq('contnet fitler conf', ['content', 'filter', 'configuration']))).toBe(
      '<mark>Content</mark> <mark>filter</mark> <mark>configuration</mark>; call create UDPSessionToEndpoint, not createTCPConnectToEndpoint.',
    );
    expect(highlightHtml(text, hq('createUDPSessionToEndpoint', ['create', 'udpsessiontoendpoint']))).toBe(
      'Content filter configuration; call <mark>create UDPSessionToEndpoint</mark>, not createTCPConnectToEndpoint.',
    );
  });

  it('marks the Wi-Fi of a wifi query (its split), never its halves apart', () => {
    expect(highlightHtml('wifi or Wi-Fi; wi then fi', hq('wifi', ['wifi', 'wi', 'fi']))).toBe(
      '<mark>wifi</mark> or <mark>Wi-Fi</mark>; wi then fi',
    );
  });

  it('marks a phrase only where its words stand in order', () => {
    expect(highlightHtml('per-app VPN; app per user; Per App', hq('"per app"', ['per', 'app']))).toBe(
      '<mark>per-app</mark> VPN; app per user; <mark>Per App</mark>',
    );
  });
});
