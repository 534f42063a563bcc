import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { errorAnswer } from '@/lib/web/error-answer';

const catalog = loadErrorCatalog('content/errors');

const closedNoNotify = {
  code: '-9816',
  symbol: 'errSSLClosedNoNotify',
  domain: 'SecureTransport (OSStatus)',
  meaning: 'The peer closed the connection without sending close_notify.',
  href: '/errors/-9816',
};

describe('the error-code answer above the search results', () => {
  it.each(['-9816', '9816', ' errSSLClosedNoNotify ', 'errsslclosednonotify', 'code:-9816', '"-9816"'])(
    'answers %j with the catalog entry of -9816',
    (q) => {
      expect(errorAnswer(q, catalog)).toEqual(closedNoNotify);
    },
  );

  it('answers hex exception codes and domain codes in the forms people paste', () => {
    expect(
      ['dead10cc', '0xBAADCA11', 'NEVPNErrorDomain Code=5', 'NSCocoaErrorDomain code 4097'].map((q) => [
        errorAnswer(q, catalog)?.code,
        errorAnswer(q, catalog)?.symbol,
        errorAnswer(q, catalog)?.href,
      ]),
    ).toEqual([
      ['0xDEAD10CC', undefined, '/errors/0xDEAD10CC'],
      ['0xBAADCA11', undefined, '/errors/0xBAADCA11'],
      ['NEVPNErrorDomain 5', 'NEVPNErrorConfigurationReadWriteFailed', '/errors/NEVPNErrorDomain-5'],
      ['NSCocoaErrorDomain 4097', 'NSXPCConnectionInterrupted', '/errors/NSCocoaErrorDomain-4097'],
    ]);
  });

  it('stays out of queries that are more than one code, or no code in the catalog', () => {
    expect(
      ['vpn', '-9836 tls', 'NEPacketTunnelProvider', '-1', '12345', ''].map((q) => errorAnswer(q, catalog)),
    ).toEqual([null, null, null, null, null, null]);
  });
});
