import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DUMP_PATH } from '../helpers/fixtures';
import * as apiClassesModule from '@/lib/enrich/api-classes';
import { API_CLASS_WATCH, ApiClassExtractor, apiDocumentationUrl } from '@/lib/enrich/api-classes';
import { TokenScanner } from '@/lib/enrich/token-scanner';

const extractor = new ApiClassExtractor();
const scanner = new TokenScanner([extractor.watch]);
/** The API classes of a text, through a scanner that watches what the extractor declares. */
const apiClassesIn = (text: string) => extractor.extract(scanner.scan(text));
const lines = readFileSync(DUMP_PATH, 'utf8').split(/\r?\n/);

/** Title and body of the post whose title is on 1-based line `n`, joined as the enricher joins them. */
function post(n: number): { title: string; text: string } {
  const title = lines[n - 1]!;
  return { title, text: `${title}\n${lines[n]!}` };
}

/** Every distinct post of the dump: 19 compact records (title lines 21, 27, …, 129) and the extra labelled one (175). */
const EXPECTED: Array<[number, string, string[]]> = [
  [
    21,
    'TLS communication error between iPhone and iPad',
    [
      'NWProtocolTLS.Options',
      'NWProtocolTCP.Options',
      'kSecImportExportPassphrase',
      'SecPKCS12Import',
      'kSecImportItemIdentity',
      'sec_identity_create',
      'SecIdentity',
      'sec_protocol_options_set_min_tls_protocol_version',
      'sec_protocol_options_set_max_tls_protocol_version',
      'sec_protocol_options_set_local_identity',
      'sec_protocol_options_append_tls_ciphersuite',
      'tls_ciphersuite_t',
      'sec_protocol_options_set_verify_block',
      'sec_protocol_metadata_t',
      'sec_trust_t',
      'sec_protocol_verify_complete_t',
      'sec_trust_copy_ref',
      'SecTrust',
      'SecTrustCopyCertificateChain',
      'SecCertificate',
      'SecCertificateCopyKey',
      'SecKeyCopyExternalRepresentation',
    ],
  ],
  [27, '0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)', []],
  [
    33,
    'Replacing Packet Filter (pf) with Content Filter for VPN Firewall Use Case',
    ['NEFilterDataProvider', 'NEFilterPacketProvider', 'NEPacketTunnelProvider'],
  ],
  [
    39,
    'NWConnections in Network Extension Redirected to Proxy',
    ['NWConnection', 'NETransparentProxyProvider'],
  ],
  [45, 'Getting WIFI SSID', ['CNCopySupportedInterfaces', 'CNCopyCurrentNetworkInfo', 'NEHotspotNetwork']],
  [51, "Mac can't find or register NE App Extension without App Sandbox entitlement", []],
  [57, 'Memory release problem of VPN connection object', []],
  [63, 'Packet Tunnel Provider with Per App VPN debugging', ['NEPacketTunnelProvider']],
  [69, 'App occassionally crashing while connecting to public wifi', ['NEHotspotHelper']],
  [
    75,
    'NE System Extension stuck on Validation By Category',
    [
      'OSSystemExtensionRequestDelegate',
      'OSSystemExtensionRequest.Result',
      'OSSystemExtensionProperties',
      'OSSystemExtensionRequest',
      'OSSystemExtensionManager',
    ],
  ],
  [
    81,
    'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider',
    ['IP_RECVIF', 'NETransparentProxyProvider', 'IPV6_PKTINFO'],
  ],
  [87, 'wifi connect fail', ['NEHotspotConfiguration', 'NEHotspotConfigurationManager']],
  [93, 'BGAppRefreshTask Canceled Immediately by dasd in Network Extension', ['BGAppRefreshTask']],
  [
    99,
    "When adding a VPN configuration, the Settings app doesn't continue with the configuration process",
    [],
  ],
  [105, 'split Tunnel + exclude APNs', ['NETunnelProviderProtocol']],
  [
    111,
    'Packet Tunnel Provider with Per App VPN debugging',
    ['NEPacketTunnelProvider', 'NETunnelProviderProtocol'],
  ],
  [117, 'How to avoid my local server flows in Transparent App Proxy', ['NETransparentProxyProvider']],
  [123, 'Rules on AppPushProvider deinitialization', ['NEAppPushProvider', 'NEAppPushManager']],
  [129, 'Flow Divert behavior', ['NEPacketTunnelProvider', 'NEPacketTunnelNetworkSettings']],
  [175, 'How to start a VPN connection with Widget ios 17?', []],
];

describe('ApiClassExtractor on the real dump', () => {
  it.each(EXPECTED)('post at line %i (%s) yields exactly its API symbols', (line, title, expected) => {
    const p = post(line);
    expect(p.title).toBe(title);
    expect(apiClassesIn(p.text)).toEqual(expected);
  });

  it('never reports ordinary words, products, frameworks or private symbols for any post', () => {
    const never = [
      'Hello',
      'Our',
      'iPhone',
      'iPad',
      'iPhoneSE3',
      'VPN',
      'TLS',
      'Mac',
      'macOS',
      'iOS',
      'APNs',
      'VoIP',
      'NE',
      'CallKit',
      'Keychain',
      'Settings',
      'PAC',
      'DIRECT',
      'FlowDivert',
      'ServerConnectionGetHandlerQueue',
      'CNPluginCopySupportedInterfaces',
      'CNPlugin',
      'Data',
      'String',
      'URL',
      'CFArray',
      'CFData',
      'NSObject',
      'NSError',
      'errSecSuccess',
      'OSSystemExtensionErrorDomain',
      'setsockopt',
      'recvmsg',
      'IPPROTO_IP',
      'excludeAPNs',
      'includeAllNetworks',
      'enforceRoutes',
      'SimplePushProvider',
      'LocalPushConnectivity',
    ];
    const all = EXPECTED.flatMap(([line]) => apiClassesIn(post(line).text));
    expect(all.filter((s) => never.includes(s))).toEqual([]);
  });
});

describe('ApiClassExtractor rules', () => {
  it('maps prefix-less single words to the class', () => {
    expect(apiClassesIn('My PacketTunnelProvider and AppPushProvider and HotspotHelper')).toEqual([
      'NEPacketTunnelProvider',
      'NEAppPushProvider',
      'NEHotspotHelper',
    ]);
  });

  it('maps spaced phrases case-insensitively, the longest phrase winning', () => {
    expect(
      apiClassesIn('a packet tunnel provider; Transparent App Proxy Provider; app proxy providers'),
    ).toEqual(['NEPacketTunnelProvider', 'NETransparentProxyProvider', 'NEAppProxyProvider']);
  });

  it('does not map hyphenated entitlement values or loose phrases', () => {
    expect(
      apiClassesIn('packet-tunnel-provider entitlement, a transparent proxy, Packet Tunnel extension'),
    ).toEqual([]);
  });

  it('matches known symbols written all lowercase but not camelCase variables', () => {
    expect(
      apiClassesIn('see nepackettunnelprovider; let secTrust = x; let packetTunnelProvider = y'),
    ).toEqual(['NEPacketTunnelProvider']);
  });

  it('folds plurals of known symbols', () => {
    expect(apiClassesIn('two NWConnections and many AppPushProviders')).toEqual([
      'NWConnection',
      'NEAppPushProvider',
    ]);
  });

  it('keeps known nested types whole and drops member names', () => {
    expect(
      apiClassesIn(
        'NWConnection.State, NWProtocolTLS.Options(), NEHotspotNetwork.fetchCurrent, NEFoo.IPv4Settings',
      ),
    ).toEqual(['NWConnection.State', 'NWProtocolTLS.Options', 'NEHotspotNetwork', 'NEFoo']);
  });

  it('catches unknown framework-prefixed symbols by pattern', () => {
    expect(
      apiClassesIn(
        'NEURLFilterManager, NWFancyThing, SecTrustSettingsCopyTrust, kSecAttrAccessGroup, nw_connection_create, IP_MULTICAST_IF',
      ),
    ).toEqual([
      'NEURLFilterManager',
      'NWFancyThing',
      'SecTrustSettingsCopyTrust',
      'kSecAttrAccessGroup',
      'nw_connection_create',
      'IP_MULTICAST_IF',
    ]);
  });

  it('rejects pattern look-alikes, error symbols and CF types', () => {
    expect(
      apiClassesIn(
        'CNAMEs NETs OSes NEW SecureTransport OSStatus NEVPNErrorDomain NSURLErrorTimedOut errSSLPeerProtocolVersion CFArray CFDictionary NSObject NSError IPPROTO_IP',
      ),
    ).toEqual([]);
  });

  it('drops unknown symbols seen only in a stack frame or a source file name, keeps known ones', () => {
    const trace =
      '1 CaptiveNetwork 0x0000000221d8577c CNPluginCopySupportedInterfaces + 180 (CNPlugin.c:457) 2 NetworkExtension 0x1 +[NEHotspotHelper supportedNetworkInterfaces] + 32 (NEHotspotHelper.m:563)';
    expect(apiClassesIn(trace)).toEqual(['NEHotspotHelper']);
  });

  it('returns an empty list for empty text', () => {
    expect(apiClassesIn('')).toEqual([]);
  });
});

describe('apiDocumentationUrl', () => {
  it.each([
    [
      'NEPacketTunnelProvider',
      'https://developer.apple.com/documentation/networkextension/nepackettunnelprovider',
    ],
    ['NWConnection', 'https://developer.apple.com/documentation/network/nwconnection'],
    ['NWProtocolTLS.Options', 'https://developer.apple.com/documentation/network/nwprotocoltls/options'],
    ['NWTCPConnection', 'https://developer.apple.com/documentation/networkextension/nwtcpconnection'],
    ['SecPKCS12Import', 'https://developer.apple.com/documentation/security/secpkcs12import'],
    [
      'sec_protocol_options_set_local_identity',
      'https://developer.apple.com/documentation/security/sec_protocol_options_set_local_identity',
    ],
    ['BGAppRefreshTask', 'https://developer.apple.com/documentation/backgroundtasks/bgapprefreshtask'],
    [
      'OSSystemExtensionRequest.Result',
      'https://developer.apple.com/documentation/systemextensions/ossystemextensionrequest/result',
    ],
    [
      'CNCopyCurrentNetworkInfo',
      'https://developer.apple.com/documentation/systemconfiguration/cncopycurrentnetworkinfo',
    ],
    ['IP_RECVIF', 'https://developer.apple.com/search/?q=IP_RECVIF'],
    ['Some Thing', 'https://developer.apple.com/search/?q=Some%20Thing'],
  ])('%s → %s', (symbol, url) => {
    expect(apiDocumentationUrl(symbol)).toEqual(url);
  });
});

describe('module surface', () => {
  it('exports exactly API_CLASS_WATCH, ApiClassExtractor and apiDocumentationUrl', () => {
    expect(Object.keys(apiClassesModule).sort()).toEqual([
      'API_CLASS_WATCH',
      'ApiClassExtractor',
      'apiDocumentationUrl',
    ]);
  });
});

describe('words that are also Object prototype keys', () => {
  it('never become API classes', () => {
    expect(apiClassesIn('constructor toString hasOwnProperty __proto__ valueOf')).toEqual([]);
  });
});

describe('an extractor owns its word memo', () => {
  const text = 'NWConnection NEVPNManager SecTrust URLSession';

  it('forgets every word once it holds maxWords, then finds the same symbols', () => {
    const small = new ApiClassExtractor(3);
    const runs = () => new TokenScanner([small.watch]).scan(text);
    expect(small.extract(runs())).toEqual(['NWConnection', 'NEVPNManager', 'SecTrust', 'URLSession']);
    // 3 words held, then the 4th clears them and is the one remembered.
    expect(small.remembered).toBe(1);
    // URLSession is a hit; NWConnection, NEVPNManager fill it to 3; SecTrust clears it; URLSession comes back.
    expect(small.extract(runs())).toEqual(['NWConnection', 'NEVPNManager', 'SecTrust', 'URLSession']);
    expect(small.remembered).toBe(2);
  });

  it('two extractors side by side share nothing', () => {
    const a = new ApiClassExtractor();
    const b = new ApiClassExtractor();
    const scan = new TokenScanner([API_CLASS_WATCH]);
    expect(a.extract(scan.scan(text))).toEqual(['NWConnection', 'NEVPNManager', 'SecTrust', 'URLSession']);
    expect([a.remembered, b.remembered]).toEqual([4, 0]);
    expect(b.extract(scan.scan('NWPath'))).toEqual(['NWPath']);
    expect([a.remembered, b.remembered]).toEqual([4, 1]);
  });
});
