import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { codeVariants, ErrorCodeExtractor } from '@/lib/enrich/error-codes';
import { TokenScanner } from '@/lib/enrich/token-scanner';
import { dumpBodiesOf as bodiesOf } from '../helpers/fixtures';

const catalog = loadErrorCatalog();
const extractor = new ErrorCodeExtractor(catalog);
const scanner = new TokenScanner([extractor.watch]);
/** Codes, variants and feedback ids of a text, through a scanner that watches the catalog's symbols. */
const extractErrorCodes = (text: string) => extractor.extract(scanner.scan(text));

const codes = (text: string) => extractErrorCodes(text).errorCodes;

/** title → [errorCodes, feedbackIds] for every post of the bundled dump. */
const DUMP_EXPECTATIONS: Array<[string, string[], string[]]> = [
  ['TLS communication error between iPhone and iPad', ['-9836'], []],
  ['0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)', ['0xBAADCA11'], []],
  ['Replacing Packet Filter (pf) with Content Filter for VPN Firewall Use Case', [], []],
  ['NWConnections in Network Extension Redirected to Proxy', [], []],
  ['How to start a VPN connection with Widget ios 17?', [], []],
  ['Getting WIFI SSID', [], []],
  ["Mac can't find or register NE App Extension without App Sandbox entitlement", [], []],
  ['Memory release problem of VPN connection object', [], []],
  ['Packet Tunnel Provider with Per App VPN debugging', [], []],
  ['App occassionally crashing while connecting to public wifi', [], []],
  ['NE System Extension stuck on Validation By Category', ['OSSystemExtensionErrorDomain 1'], []],
  ['Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider', [], ['FB17586550']],
  ['wifi connect fail', [], []],
  ['BGAppRefreshTask Canceled Immediately by dasd in Network Extension', [], []],
  [
    "When adding a VPN configuration, the Settings app doesn't continue with the configuration process",
    [],
    ['FB17458055'],
  ],
  ['split Tunnel + exclude APNs', [], []],
  ['How to avoid my local server flows in Transparent App Proxy', [], []],
  ['Rules on AppPushProvider deinitialization', [], []],
  ['Flow Divert behavior', [], []],
];

describe('ErrorCodeExtractor on the bundled dump', () => {
  it('finds every post of the dump in this table (19 titles, 39 records in both layouts)', () => {
    const found = DUMP_EXPECTATIONS.filter(([title]) => bodiesOf(title).length > 0).map(([t]) => t);
    expect(found).toEqual(DUMP_EXPECTATIONS.map(([t]) => t));
    expect(found.length).toEqual(19); // 20 posts, two of them share a title
    expect(found.reduce((n, t) => n + bodiesOf(t).length, 0)).toEqual(39); // 19 compact + 20 labelled records
  });

  it.each(DUMP_EXPECTATIONS)('%s → codes %j, feedback %j', (title, errorCodes, feedbackIds) => {
    const bodies = bodiesOf(title);
    expect(bodies.length).toBeGreaterThanOrEqual(1);
    for (const body of bodies) {
      const result = extractErrorCodes(body);
      expect(result.errorCodes).toEqual(errorCodes);
      expect(result.feedbackIds).toEqual(feedbackIds);
    }
  });

  it('gives the TLS post the variants users type for -9836', () => {
    const [body] = bodiesOf('TLS communication error between iPhone and iPad');
    expect(extractErrorCodes(body!)).toEqual({
      errorCodes: ['-9836'],
      errorCodeVariants: ['-9836', '9836', 'errsslpeerprotocolversion'],
      feedbackIds: [],
    });
  });

  it('gives the VoIP post the hex variants of 0xBAADCA11', () => {
    const [body] = bodiesOf('0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)');
    expect(extractErrorCodes(body!).errorCodeVariants).toEqual(['0xbaadca11', 'baadca11']);
  });

  it('gives the system extension post the domain variants and symbol, not its 0x… log addresses', () => {
    const [body] = bodiesOf('NE System Extension stuck on Validation By Category');
    expect(body).toContain('[0x9a2034b00]');
    expect(extractErrorCodes(body!).errorCodeVariants).toEqual([
      'ossystemextensionerrordomain',
      'ossystemextensionerrordomain 1',
      'ossystemextensionerrorunknown',
    ]);
  });
});

describe('ErrorCodeExtractor: what counts as a code', () => {
  it.each([
    ['a TLS error code of "-9836" occurred', ['-9836']],
    ['failed with error -9806 again', ['-9806']],
    ['(-9802)', ['-9802']],
    ['status=-9858', ['-9858']],
    ['OSStatus:-9816.', ['-9816']],
    ['-9807 at the start', ['-9807']],
    ['Code=-1009 "offline"', ['-1009']],
    ['crash 0xBAADCA11 and 0xdead10cc', ['0xBAADCA11', '0xDEAD10CC']],
    ['OSSystemExtensionErrorDomain code 1', ['OSSystemExtensionErrorDomain 1']],
    ['ossystemextensionerrordomain code 1', ['OSSystemExtensionErrorDomain 1']],
    ['(OSSystemExtensionErrorDomain error 9.)', ['OSSystemExtensionErrorDomain 9']],
    ['Error Domain=NEVPNErrorDomain Code=5 "permission denied"', ['NEVPNErrorDomain 5']],
    ['NSCocoaErrorDomain Code=4097 "connection interrupted"', ['NSCocoaErrorDomain 4097']],
    [
      'Error Domain=NSURLErrorDomain Code=-1009 "The Internet connection appears to be offline."',
      ['NSURLErrorDomain -1009'],
    ],
    ['Error Domain=NSOSStatusErrorDomain Code=-9836 "(null)"', ['-9836']],
    ['NSPOSIXErrorDomain Code=61', ['NSPOSIXErrorDomain 61']],
    ['it fails with errSSLPeerProtocolVersion', ['-9836']],
    ['ERRSSLCLOSEDNONOTIFY in the log', ['-9816']],
    ['NEVPNErrorConfigurationReadWriteFailed when saving', ['NEVPNErrorDomain 5']],
    ['the report says baadca11', ['0xBAADCA11']],
  ])('%s → %j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    ['a date', 'info 2025-05-01 22:00:13.818336 sysextd'],
    ['a log time with fraction', '22:00:13.818257 `sysextd` extension'],
    ['a timezone offset', '22:09:37.952749-0700 dasd Best binding'],
    ['a spaced timezone offset', 'Date: 2025-05-01 12:00 -0700'],
    ['a route', 'includedRoutes 0.0.0.0/0 and ::/0'],
    ['-1 alone', 'returns -1 on failure'],
    ['two-digit negatives', 'errno -50 or -61'],
    ['a byte', 'let header: [UInt8] = [ 0x30, 0x82, 0x01 ]'],
    ['a 64-bit address', '0 CaptiveNetwork 0x0000000221d87a4c ServerConnectionGetHandlerQueue + 0'],
    ['a 9-digit address', 'evaluator 0x16d541720: <private>'],
    ['a zero-padded 32-bit value', 'flags 0x00000001 set'],
    ['a range', 'ports 1000-2000 and 10 -20'],
    ['a decimal', 'offset -123.5 seconds'],
    ['arithmetic', 'x = y - 1000'],
    ['a bare positive number', 'I saw 9836 in the docs'],
    ['an unknown bare hex word', 'hash deadbeef'],
    ['an unknown symbol', 'guard status == errSecSuccess'],
    ['a UUID', 'id 123e4567-e89b-12d3-a456-426614174000'],
  ])('ignores %s', (_what, text) => {
    expect(codes(text)).toEqual([]);
  });

  it('lists codes once, in order of first appearance', () => {
    expect(
      codes(
        '0xdead10cc then -9836, errSSLPeerProtocolVersion, "-9836" and 0xDEAD10CC, NEVPNErrorDomain Code=2',
      ),
    ).toEqual(['0xDEAD10CC', '-9836', 'NEVPNErrorDomain 2']);
  });

  it('does not read the number of a domain pair again as an OSStatus', () => {
    expect(extractErrorCodes('Domain=NSURLErrorDomain Code=-1200').errorCodes).toEqual([
      'NSURLErrorDomain -1200',
    ]);
  });

  it('extracts feedback ids uppercase and once', () => {
    expect(
      extractErrorCodes('FB17586550, fb17586550 and FB1234567 but not FB123 or FB1234567890').feedbackIds,
    ).toEqual(['FB17586550', 'FB1234567']);
  });
});

describe('codeVariants', () => {
  it.each([
    ['-9836', ['-9836', '9836', 'errsslpeerprotocolversion']],
    ['-12345', ['-12345', '12345']],
    ['0xBAADCA11', ['0xbaadca11', 'baadca11']],
    [
      'OSSystemExtensionErrorDomain 1',
      ['ossystemextensionerrordomain', 'ossystemextensionerrordomain 1', 'ossystemextensionerrorunknown'],
    ],
    ['NSPOSIXErrorDomain 61', ['nsposixerrordomain', 'nsposixerrordomain 61']],
    [
      'NSURLErrorDomain -1009',
      ['nsurlerrordomain', 'nsurlerrordomain -1009', '-1009', '1009', 'nsurlerrornotconnectedtointernet'],
    ],
  ])('%s → %j', (code, expected) => {
    expect(codeVariants(code, catalog)).toEqual(expected);
  });
});

describe('lib/enrich/error-codes public surface', () => {
  it('exports exactly these names', async () => {
    expect(Object.keys(await import('@/lib/enrich/error-codes')).sort()).toEqual([
      'ErrorCodeExtractor',
      'codeVariants',
    ]);
  });
});
