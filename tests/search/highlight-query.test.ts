import { describe, expect, it } from 'vitest';
import { highlightParam, highlightQuery, parseHighlightParam } from '@/lib/search/highlight-query';
import { parseQuery } from '@/lib/search/query';

const hq = (q: string, matched: string[] = []) => highlightQuery(parseQuery(q), matched);

describe('highlightQuery', () => {
  it('keeps an identifier whole and drops the parts and typos an engine matched it through', () => {
    expect(hq('NWProtocolTLS.Options', ['nwprotocoltls', 'options', 'nwprotocoltcp.options'])).toEqual({
      words: ['nwprotocoltls.options'],
      phrases: [],
      domainCodes: [],
    });
  });

  it('keeps the typo, prefix and joined forms of plain words', () => {
    expect(hq('contnet conf', ['content', 'configuration', 'nwconnection']).words).toEqual([
      'contnet',
      'conf',
      'content',
      'configuration',
    ]);
    expect(hq('packet tunnel', ['packettunnel']).words).toEqual(['packet', 'tunnel', 'packettunnel']);
  });

  it('gives a known API name no typo forms, and marks its forms with and without the framework prefix', () => {
    expect(hq('NWProtocolTLS', ['nwprotocoltls', 'nwprotocoltcp', 'nwprotocoltls.options']).words).toEqual([
      'nwprotocoltls',
      'protocoltls',
      'nwprotocoltls.options',
    ]);
    expect(hq('PacketTunnelProvider').words).toEqual(['packettunnelprovider', 'nepackettunnelprovider']);
    expect(hq('NEPacketTunnelProvidr', ['nepackettunnelprovider']).words).toEqual([
      'nepackettunnelprovidr',
      'nepackettunnelprovider',
      'packettunnelprovider',
    ]);
  });

  it('turns the two halves of a split word into a phrase', () => {
    expect(hq('createUDPSessionToEndpoint', ['create', 'udpsessiontoendpoint'])).toEqual({
      words: ['createudpsessiontoendpoint'],
      phrases: [['create', 'udpsessiontoendpoint']],
      domainCodes: [],
    });
  });

  it('turns the halves of a word the index holds, matched as its split, into a phrase beside the word', () => {
    expect(hq('wifi', ['wifi', 'wi', 'fi'])).toEqual({
      words: ['wifi'],
      phrases: [['wi', 'fi']],
      domainCodes: [],
    });
  });

  it('reads a domain and its code, in each form users type, and keeps its words from marking alone', () => {
    const sysext = { domain: 'ossystemextensionerrordomain', number: '1' };
    expect(hq('OSSystemExtensionErrorDomain code 1', ['code', '1', 'codes'])).toEqual({
      words: ['ossystemextensionerrordomain'],
      phrases: [],
      domainCodes: [sysext],
    });
    expect(hq('OSSystemExtensionErrorDomain error 1 activation').domainCodes).toEqual([sysext]);
    expect(hq('NEVPNErrorDomain Code=5').domainCodes).toEqual([{ domain: 'nevpnerrordomain', number: '5' }]);
    expect(hq('nsposixerrordomain:61').domainCodes).toEqual([{ domain: 'nsposixerrordomain', number: '61' }]);
    expect(hq('Domain=NSURLErrorDomain -1009')).toEqual({
      words: ['nsurlerrordomain'],
      phrases: [],
      domainCodes: [{ domain: 'nsurlerrordomain', number: '1009' }],
    });
  });

  it('leaves "code" and a number plain without a domain before them, and never marks excluded words', () => {
    expect(hq('code 1 -proxy -"per app"')).toEqual({ words: ['code', '1'], phrases: [], domainCodes: [] });
  });
});

describe('highlightParam and parseHighlightParam', () => {
  it('carry a highlight to the thread page unchanged', () => {
    for (const [q, matched] of [
      ['NWProtocolTLS.Options', ['options']],
      ['OSSystemExtensionErrorDomain code 1 activation', []],
      ['createUDPSessionToEndpoint', ['create', 'udpsessiontoendpoint']],
      ['"per app" vpn contnet', ['content']],
      ['code 1 NEVPNErrorDomain', []],
    ] as Array<[string, string[]]>) {
      const highlight = hq(q, matched);
      expect(parseHighlightParam(highlightParam(highlight))).toEqual(highlight);
    }
  });

  it('write domain codes first, then phrases, then words, domains last', () => {
    expect(highlightParam(hq('vpn OSSystemExtensionErrorDomain code 1 "per app" NEVPNErrorDomain'))).toBe(
      'ossystemextensionerrordomain code 1 "per app" vpn nevpnerrordomain',
    );
  });

  it('keep whole pieces within 300 characters, and read at most 20 words of at most 60 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${String(i).padStart(2, '0')}x`);
    const param = highlightParam({ words: many, phrases: [], domainCodes: [] });
    expect(param.length).toBeLessThanOrEqual(300);
    expect(param.split(' ')).toEqual(many.slice(0, 37));
    expect(parseHighlightParam(param).words).toEqual(many.slice(0, 20));
    expect(parseHighlightParam(`${'a'.repeat(61)} tls`).words).toEqual(['tls']);
    expect(parseHighlightParam(['tls', '9836']).words).toEqual(['tls', '9836']);
    expect(parseHighlightParam(undefined)).toEqual({ words: [], phrases: [], domainCodes: [] });
  });
});
