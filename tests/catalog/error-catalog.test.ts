import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContentError } from '@/lib/errors';
import { describe, expect, it } from 'vitest';
import {
  codeFromSlug,
  codeSlug,
  findEntry,
  loadErrorCatalog,
  normalizeCode,
} from '@/lib/catalog/error-catalog';

const catalog = loadErrorCatalog();

/** SecureTransport.h, errSSL* from -9800 down to -9865, in order. */
const SECURE_TRANSPORT = [
  'errSSLProtocol', 'errSSLNegotiation', 'errSSLFatalAlert', 'errSSLWouldBlock', 'errSSLSessionNotFound',
  'errSSLClosedGraceful', 'errSSLClosedAbort', 'errSSLXCertChainInvalid', 'errSSLBadCert', 'errSSLCrypto',
  'errSSLInternal', 'errSSLModuleAttach', 'errSSLUnknownRootCert', 'errSSLNoRootCert', 'errSSLCertExpired',
  'errSSLCertNotYetValid', 'errSSLClosedNoNotify', 'errSSLBufferOverflow', 'errSSLBadCipherSuite',
  'errSSLPeerUnexpectedMsg', 'errSSLPeerBadRecordMac', 'errSSLPeerDecryptionFail', 'errSSLPeerRecordOverflow',
  'errSSLPeerDecompressFail', 'errSSLPeerHandshakeFail', 'errSSLPeerBadCert', 'errSSLPeerUnsupportedCert',
  'errSSLPeerCertRevoked', 'errSSLPeerCertExpired', 'errSSLPeerCertUnknown', 'errSSLIllegalParam',
  'errSSLPeerUnknownCA', 'errSSLPeerAccessDenied', 'errSSLPeerDecodeError', 'errSSLPeerDecryptError',
  'errSSLPeerExportRestriction', 'errSSLPeerProtocolVersion', 'errSSLPeerInsufficientSecurity',
  'errSSLPeerInternalError', 'errSSLPeerUserCancelled', 'errSSLPeerNoRenegotiation', 'errSSLPeerAuthCompleted',
  'errSSLClientCertRequested', 'errSSLHostNameMismatch', 'errSSLConnectionRefused', 'errSSLDecryptionFail',
  'errSSLBadRecordMac', 'errSSLRecordOverflow', 'errSSLBadConfiguration', 'errSSLUnexpectedRecord',
  'errSSLWeakPeerEphemeralDHKey', 'errSSLClientHelloReceived', 'errSSLTransportReset', 'errSSLNetworkTimeout',
  'errSSLConfigurationFailed', 'errSSLUnsupportedExtension', 'errSSLUnexpectedMessage', 'errSSLDecompressFail',
  'errSSLHandshakeFail', 'errSSLDecodeError', 'errSSLInappropriateFallback', 'errSSLMissingExtension',
  'errSSLBadCertificateStatusResponse', 'errSSLCertificateRequired', 'errSSLUnknownPSKIdentity',
  'errSSLUnrecognizedName',
]; // prettier-ignore

/** A fresh directory holding the given files. */
function catalogDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'errors-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const GOOD =
  '---\ncode: "-9836"\nsymbol: errSSLPeerProtocolVersion\ndomain: "SecureTransport (OSStatus)"\nmeaning: "Bad version."\n---\n\nUse **TLS 1.2**.\n';

describe('the bundled catalog', () => {
  it('holds 134 entries, each code and symbol once', () => {
    expect(catalog.entries.length).toEqual(134);
    expect(catalog.byCode.size).toEqual(134);
    expect(catalog.bySymbol.size).toEqual(127);
  });

  it('covers every SecureTransport errSSL code from -9800 to -9865 with its header symbol', () => {
    const actual = SECURE_TRANSPORT.map((_, i) => catalog.byCode.get(String(-9800 - i))?.symbol);
    expect(actual).toEqual(SECURE_TRANSPORT);
    for (let i = 0; i < SECURE_TRANSPORT.length; i++) {
      expect(catalog.byCode.get(String(-9800 - i))?.domain).toEqual('SecureTransport (OSStatus)');
    }
  });

  it('covers the codes of the bundled dump and the well-known exception codes', () => {
    const codes = [
      '-9836',
      '0xBAADCA11',
      'OSSystemExtensionErrorDomain 1',
      '0xDEAD10CC',
      '0x8BADF00D',
      '0xC00010FF',
    ];
    expect(codes.map((c) => catalog.byCode.get(c)?.domain)).toEqual([
      'SecureTransport (OSStatus)',
      'Exception code',
      'OSSystemExtensionErrorDomain',
      'Exception code',
      'Exception code',
      'Exception code',
    ]);
  });

  it('covers NEVPNErrorDomain 1–6 and OSSystemExtensionErrorDomain 1–13 with their symbols', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => catalog.byCode.get(`NEVPNErrorDomain ${n}`)?.symbol)).toEqual([
      'NEVPNErrorConfigurationInvalid',
      'NEVPNErrorConfigurationDisabled',
      'NEVPNErrorConnectionFailed',
      'NEVPNErrorConfigurationStale',
      'NEVPNErrorConfigurationReadWriteFailed',
      'NEVPNErrorConfigurationUnknown',
    ]);
    expect(catalog.byCode.get('OSSystemExtensionErrorDomain 4')?.symbol).toEqual(
      'OSSystemExtensionErrorExtensionNotFound',
    );
    expect(catalog.byCode.get('OSSystemExtensionErrorDomain 8')?.symbol).toEqual(
      'OSSystemExtensionErrorCodeSignatureInvalid',
    );
    expect(catalog.byCode.get('OSSystemExtensionErrorDomain 9')?.symbol).toEqual(
      'OSSystemExtensionErrorValidationFailed',
    );
  });

  it('has a one-sentence meaning and a 2–5 sentence body for every entry', () => {
    const bad = catalog.entries.filter((e) => {
      const sentences = (e.bodyMarkdown.match(/[.!?](?=\s|$)/g) ?? []).length;
      return !/^[A-Z].*\.$/.test(e.meaning) || /\. [A-Z]/.test(e.meaning) || sentences < 2 || sentences > 5;
    });
    expect(bad.map((e) => e.file)).toEqual([]);
  });

  it('names each file after its code', () => {
    const expected = (code: string) =>
      code.startsWith('-')
        ? `osstatus${code}.md`
        : code.startsWith('0x')
          ? `${code.toLowerCase()}.md`
          : `${code.toLowerCase().replace(/ -?/, '-')}.md`;
    expect(catalog.entries.filter((e) => e.file !== expected(e.code)).map((e) => e.file)).toEqual([]);
  });
});

describe('findEntry', () => {
  it.each([
    ['-9836', '-9836'],
    ['9836', '-9836'],
    [' −9836 ', '-9836'],
    ['errsslpeerprotocolversion', '-9836'],
    ['errSSLClosedNoNotify', '-9816'],
    ['0xbaadca11', '0xBAADCA11'],
    ['baadca11', '0xBAADCA11'],
    ['0XDEAD10CC', '0xDEAD10CC'],
    ['OSSystemExtensionErrorDomain 1', 'OSSystemExtensionErrorDomain 1'],
    ['ossystemextensionerrordomain code 1', 'OSSystemExtensionErrorDomain 1'],
    ['OSSystemExtensionErrorDomain error 1.', 'OSSystemExtensionErrorDomain 1'],
    ['NEVPNErrorDomain Code=5', 'NEVPNErrorDomain 5'],
    ['Domain=NSURLErrorDomain Code=-1009', 'NSURLErrorDomain -1009'],
    ['NSOSStatusErrorDomain Code=-9806', '-9806'],
    ['-1009', 'NSURLErrorDomain -1009'],
    ['4097', 'NSCocoaErrorDomain 4097'],
    ['50', '-50'],
    ['OSSystemExtensionErrorDomain-1', 'OSSystemExtensionErrorDomain 1'],
    ['NSURLErrorDomain--1009', 'NSURLErrorDomain -1009'],
  ])('%s → %s', (typed, code) => {
    expect(findEntry(catalog, typed)?.code).toEqual(code);
  });

  it.each([['1'], ['-1'], ['12345'], ['hello'], [''], ['0x30'], ['NEVPNErrorDomain 99']])(
    'finds nothing for %j',
    (typed) => {
      expect(findEntry(catalog, typed)).toEqual(undefined);
    },
  );

  it('normalises codes the catalog does not hold to their canonical form', () => {
    expect(normalizeCode('-12345', catalog)).toEqual('-12345');
    expect(normalizeCode('0xdeadbeef', catalog)).toEqual('0xDEADBEEF');
    expect(normalizeCode('nsposixerrordomain code 61', catalog)).toEqual('NSPOSIXErrorDomain 61');
    expect(normalizeCode('12345', catalog)).toEqual(undefined);
  });
});

describe('codeSlug and codeFromSlug', () => {
  it.each([
    ['-9836', '-9836'],
    ['0xBAADCA11', '0xBAADCA11'],
    ['OSSystemExtensionErrorDomain 1', 'OSSystemExtensionErrorDomain-1'],
    ['NSURLErrorDomain -1009', 'NSURLErrorDomain--1009'],
  ])('%s ⇄ %s', (code, slug) => {
    expect(codeSlug(code)).toEqual(slug);
    expect(codeFromSlug(slug)).toEqual(code);
  });

  it('round-trips every catalog code through a URL-safe slug', () => {
    for (const { code } of catalog.entries) {
      const slug = codeSlug(code);
      expect(slug).toMatch(/^[A-Za-z0-9-]+$/);
      expect(codeFromSlug(slug)).toEqual(code);
    }
  });

  it('reads hex slugs in any case and rejects anything else', () => {
    expect(codeFromSlug('0xbaadca11')).toEqual('0xBAADCA11');
    expect(['', 'foo', '%E0%A4%A', '9836', '0x30', 'Domain-1'].map(codeFromSlug)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('loadErrorCatalog', () => {
  it('reads front matter and body from a directory, once per directory', () => {
    const dir = catalogDir({ 'osstatus-9836.md': GOOD, 'notes.txt': 'ignored' });
    const loaded = loadErrorCatalog(dir);
    expect(loaded.entries).toEqual([
      {
        code: '-9836',
        symbol: 'errSSLPeerProtocolVersion',
        domain: 'SecureTransport (OSStatus)',
        meaning: 'Bad version.',
        file: 'osstatus-9836.md',
        bodyMarkdown: 'Use **TLS 1.2**.',
      },
    ]);
    expect(loaded.bySymbol.get('errsslpeerprotocolversion')?.code).toEqual('-9836');
    expect(loadErrorCatalog(dir)).toBe(loaded);
  });

  it.each([
    ['a missing meaning', '---\ncode: "-9836"\ndomain: "X"\n---\nBody.', /^bad\.md: field "meaning"/],
    [
      'an unquoted numeric code',
      '---\ncode: -9836\ndomain: "X"\nmeaning: "M."\n---\nBody.',
      /^bad\.md: field "code"/,
    ],
    [
      'a non-canonical hex code',
      '---\ncode: "0xbaadca11"\ndomain: "X"\nmeaning: "M."\n---\nB.',
      /^bad\.md: field "code"/,
    ],
    [
      'an unknown key',
      '---\ncode: "-9836"\ndomain: "X"\nmeaning: "M."\nsymbool: x\n---\nB.',
      /^bad\.md: field "symbool"/,
    ],
    [
      'an empty body',
      '---\ncode: "-9836"\ndomain: "X"\nmeaning: "M."\n---\n\n',
      /^bad\.md: field "bodyMarkdown"/,
    ],
    ['no front matter', 'Just text.', /^bad\.md: field "code"/],
    ['broken YAML', '---\ncode: [\n---\nB.', /^bad\.md: unreadable front matter/],
  ])('rejects %s, naming the file and field', (_what, text, message) => {
    const dir = catalogDir({ 'bad.md': text });
    expect(() => loadErrorCatalog(dir)).toThrow(ContentError);
    expect(() => loadErrorCatalog(dir)).toThrow(message);
  });

  it('rejects a code defined twice, naming both files', () => {
    const dir = catalogDir({ 'a.md': GOOD, 'b.md': GOOD.replace('symbol: errSSLPeerProtocolVersion\n', '') });
    expect(() => loadErrorCatalog(dir)).toThrow('b.md: code "-9836" is already defined in a.md');
  });

  it('rejects a missing directory', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'errors-')), 'nope');
    expect(() => loadErrorCatalog(dir)).toThrow(/error catalog directory not found/);
    mkdirSync(dir);
    expect(loadErrorCatalog(dir).entries).toEqual([]);
  });
});

describe('lib/catalog/error-catalog public surface', () => {
  it('exports exactly these names', async () => {
    expect(Object.keys(await import('@/lib/catalog/error-catalog')).sort()).toEqual([
      'DEFAULT_ERROR_DIR',
      'ErrorEntry',
      'buildErrorCatalog',
      'canonicalDomain',
      'canonicalDomainCode',
      'clearErrorCatalogCache',
      'codeFromSlug',
      'codeSlug',
      'findEntry',
      'loadErrorCatalog',
      'normalizeCode',
    ]);
  });
});
