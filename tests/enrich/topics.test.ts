import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Topic, loadTopics } from '@/lib/catalog/topics';
import { TokenScanner } from '@/lib/enrich/token-scanner';
import { TopicClassifier, type ClassifyInput } from '@/lib/enrich/topics';

/** A classifier of the taxonomy, with a scanner that watches what it declares, reading whole posts. */
function classifierOf(topics: readonly Topic[]) {
  const classifier = new TopicClassifier(topics);
  const scanner = new TokenScanner([classifier.watch]);
  const runs = (input: ClassifyInput) => scanner.scan(`${input.title}\n${input.body}`);
  return {
    classify: (input: ClassifyInput) => classifier.classify(input, runs(input)),
    score: (input: ClassifyInput) => classifier.score(input, runs(input)),
  };
}
const classifyTopics = (input: ClassifyInput, topics: readonly Topic[]) =>
  classifierOf(topics).classify(input);
const scoreTopics = (input: ClassifyInput, topics: readonly Topic[]) => classifierOf(topics).score(input);

const DUMP = path.join(process.cwd(), 'content/dumps/network-extension-forum-dump.txt');

/** The 19 compact-layout posts of the real dump: lines 21 to 134, six lines a post (title, body, 4 counts). */
function compactPosts(): Array<{ title: string; body: string }> {
  const lines = fs.readFileSync(DUMP, 'utf8').split('\n').slice(20, 134);
  const posts: Array<{ title: string; body: string }> = [];
  for (let i = 0; i < lines.length; i += 6) posts.push({ title: lines[i] ?? '', body: lines[i + 1] ?? '' });
  return posts;
}

/** Per compact post, in dump order: its title, the API symbols it names (by hand), and the topics a reader gives it. */
const EXPECTED: Array<{ title: string; apiClasses: string[]; topics: string[] }> = [
  {
    title: 'TLS communication error between iPhone and iPad',
    apiClasses: [
      'SimplePushProvider',
      'NWProtocolTCP.Options',
      'NWProtocolTLS.Options',
      'SecPKCS12Import',
      'kSecImportExportPassphrase',
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
    topics: ['tls-certificates', 'local-push'],
  },
  {
    title: '0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)',
    apiClasses: ['didReceiveIncomingPushWithPayload'],
    topics: ['local-push'],
  },
  {
    title: 'Replacing Packet Filter (pf) with Content Filter for VPN Firewall Use Case',
    apiClasses: ['NEFilterDataProvider', 'NEFilterPacketProvider', 'enforceRoutes'],
    topics: ['content-filter', 'packet-tunnel-vpn'],
  },
  {
    title: 'NWConnections in Network Extension Redirected to Proxy',
    apiClasses: ['NWConnection', 'NETransparentProxyProvider', 'preferNoProxies'],
    topics: ['app-proxy', 'network-framework'],
  },
  {
    title: 'Getting WIFI SSID',
    apiClasses: ['CNCopySupportedInterfaces', 'CNCopyCurrentNetworkInfo', 'NEHotspotNetwork.fetchCurrent'],
    topics: ['hotspot-wifi'],
  },
  {
    title: "Mac can't find or register NE App Extension without App Sandbox entitlement",
    apiClasses: [],
    topics: ['system-extensions'],
  },
  {
    title: 'Memory release problem of VPN connection object',
    apiClasses: ['createTCPConnectToEndpoint', 'createUDPSessionToEndpoint'],
    topics: ['background-lifecycle', 'packet-tunnel-vpn', 'network-framework'],
  },
  {
    title: 'Packet Tunnel Provider with Per App VPN debugging',
    apiClasses: ['PacketTunnelProvider', 'writePackets'],
    topics: ['packet-tunnel-vpn'],
  },
  {
    title: 'App occassionally crashing while connecting to public wifi',
    apiClasses: ['NEHotspotHelper', 'supportedNetworkInterfaces', 'CNPluginCopySupportedInterfaces'],
    topics: ['hotspot-wifi', 'background-lifecycle'],
  },
  {
    title: 'NE System Extension stuck on Validation By Category',
    apiClasses: [
      'OSSystemExtensionRequestDelegate',
      'OSSystemExtensionRequest',
      'OSSystemExtensionRequest.Result',
      'OSSystemExtensionProperties',
      'OSSystemExtensionManager',
      'OSSystemExtensionErrorDomain',
    ],
    topics: ['system-extensions'],
  },
  {
    title: 'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider',
    apiClasses: [
      'IP_RECVIF',
      'setsockopt',
      'IPPROTO_IP',
      'recvmsg',
      'NETransparentProxyProvider',
      'IPV6_PKTINFO',
    ],
    topics: ['app-proxy', 'network-framework'],
  },
  {
    title: 'wifi connect fail',
    apiClasses: ['applyConfiguration', 'NEHotspotConfiguration', 'NEHotspotConfigurationManager', 'NSError'],
    topics: ['hotspot-wifi'],
  },
  {
    title: 'BGAppRefreshTask Canceled Immediately by dasd in Network Extension',
    apiClasses: ['BGAppRefreshTask', 'UserDefaults', 'LSApplicationRecord'],
    topics: ['background-lifecycle'],
  },
  {
    title:
      "When adding a VPN configuration, the Settings app doesn't continue with the configuration process",
    apiClasses: [],
    topics: ['packet-tunnel-vpn'],
  },
  {
    title: 'split Tunnel + exclude APNs',
    apiClasses: ['excludeAPNs', 'NETunnelProviderProtocol', 'includeAllNetworks', 'excludedRoutes'],
    topics: ['packet-tunnel-vpn'],
  },
  {
    title: 'Packet Tunnel Provider with Per App VPN debugging',
    apiClasses: ['PacketTunnelProvider', 'writePackets', 'NETunnelProviderProtocol'],
    topics: ['packet-tunnel-vpn'],
  },
  {
    title: 'How to avoid my local server flows in Transparent App Proxy',
    apiClasses: [],
    topics: ['app-proxy'],
  },
  {
    title: 'Rules on AppPushProvider deinitialization',
    apiClasses: ['AppPushProvider', 'NEAppPushProvider', 'NEAppPushManager', 'removeFromPreferences'],
    topics: ['local-push', 'background-lifecycle'],
  },
  {
    title: 'Flow Divert behavior',
    apiClasses: ['NEPacketTunnelNetworkSettings.IPv4Settings'],
    topics: ['packet-tunnel-vpn'],
  },
];

describe('classifyTopics on the real dump', () => {
  const topics = loadTopics();
  const posts = compactPosts();

  it('reads the 19 compact posts of the fixture', () => {
    expect(posts.map((p) => p.title)).toEqual(EXPECTED.map((e) => e.title));
  });

  it('classifies the post found only in the labelled layout (lines 175-176)', () => {
    const lines = fs.readFileSync(DUMP, 'utf8').split('\n');
    const post = { title: lines[174] ?? '', body: lines[175] ?? '', apiClasses: [] };
    expect(post.title).toEqual('How to start a VPN connection with Widget ios 17?');
    expect(classifyTopics(post, topics)).toEqual(['packet-tunnel-vpn']);
  });

  it('gives every post of the dump, one after the other, what a fresh classifier gives it', () => {
    const shared = classifierOf(topics);
    const inputs = posts.map((post, i) => ({ ...post, apiClasses: EXPECTED[i]!.apiClasses }));
    expect(inputs.map((input) => shared.classify(input))).toEqual(EXPECTED.map((e) => e.topics));
    expect(inputs.map((input) => shared.score(input))).toEqual(
      inputs.map((input) => scoreTopics(input, topics)),
    );
  });

  it.each(EXPECTED.map((e, i) => [e.title, i] as const))('classifies “%s”', (_title, i) => {
    const post = posts[i]!;
    const expected = EXPECTED[i]!;
    expect(classifyTopics({ ...post, apiClasses: expected.apiClasses }, topics)).toEqual(expected.topics);
  });
});

describe('classifyTopics rules', () => {
  /** A topic built in code for rule tests. */
  const topic = (slug: string, keywords: string[], apiClasses: string[] = [], extra: Partial<Topic> = {}) =>
    Topic.parse({ slug, name: slug, description: 'd.', apiClasses, keywords, bodyMarkdown: 'b', ...extra });
  const dns = topic('dns', ['dns', 'dns proxy']);
  const vpn = topic('vpn', ['vpn', 'wi-fi', 'tunnel*'], ['NEPacketTunnelProvider', 'sec_protocol_*']);
  const proxy = topic('proxy', ['proxy']);
  const generic = topic('generic', ['socket'], [], { fallback: true });
  const taxonomy = [dns, vpn, proxy, generic];
  const classify = (title: string, body = 'Nothing here.', apiClasses: string[] = []) =>
    classifyTopics({ title, body, apiClasses }, taxonomy);

  it('matches keywords case-insensitively on word boundaries, with plurals', () => {
    expect(classify('Per-app VPN', 'Two VPNs.')).toEqual(['vpn']);
    expect(classify('DNSSEC validation', 'The acmeVpnM extension.')).toEqual(['generic']);
    expect(classify('DNS fails')).toEqual(['dns']);
  });

  it('treats spaces and hyphens in a phrase as optional, and a trailing * as a prefix', () => {
    expect(scoreTopics({ title: 'WiFi', body: '', apiClasses: [] }, [vpn])[0]?.evidence).toEqual(2);
    expect(scoreTopics({ title: 'Wi Fi tunneling', body: '', apiClasses: [] }, [vpn])[0]?.evidence).toEqual(
      4,
    );
  });

  it('counts a stretch of text once, for its longest keyword across topics', () => {
    expect(classify('DNS proxy', 'A DNS proxy.')).toEqual(['dns']);
    const scores = scoreTopics({ title: 'DNS proxy', body: '', apiClasses: [] }, taxonomy);
    expect(scores.map((s) => [s.slug, s.evidence])).toEqual([
      ['dns', 2],
      ['vpn', 0],
      ['proxy', 0],
      ['generic', 0],
    ]);
  });

  it('matches API symbols with or without prefix, before a dot, and by * prefix', () => {
    const api = (apiClasses: string[]) =>
      scoreTopics({ title: '', body: '', apiClasses }, [vpn])[0]?.evidence;
    expect(api(['PacketTunnelProvider'])).toEqual(3);
    expect(api(['nepackettunnelprovider.start'])).toEqual(3);
    expect(api(['sec_protocol_options_set_local_identity', 'NEPacketTunnelProvider'])).toEqual(
      3 * Math.log2(3),
    );
    expect(api(['Provider', 'sec_trust_t'])).toEqual(0);
  });

  it('weighs an API symbol named in the title above one named only in the body', () => {
    const evidence = (title: string) =>
      scoreTopics({ title, body: '', apiClasses: ['NEPacketTunnelProvider'] }, [vpn])[0]?.evidence;
    expect(evidence('PacketTunnelProvider crashes')).toEqual(6);
    expect(evidence('Crashes')).toEqual(3);
  });

  it('keeps a second topic only with enough evidence of its own', () => {
    expect(classify('VPN and proxy')).toEqual(['vpn']);
    expect(classify('VPN and proxy', 'A proxy, another proxy, and a VPN.')).toEqual(['proxy', 'vpn']);
  });

  it('returns at most three topics, best first', () => {
    const title = 'DNS proxy over VPN tunnel with a proxy socket';
    expect(classify(title, title)).toEqual(['vpn', 'dns', 'proxy']);
  });

  it('falls back to the fallback topic, then to the first topic, and is empty only without topics', () => {
    expect(classify('Help please')).toEqual(['generic']);
    expect(classifyTopics({ title: 'Help', body: 'x', apiClasses: [] }, [dns, vpn])).toEqual(['dns']);
    expect(classifyTopics({ title: 'Help', body: 'x', apiClasses: [] }, [])).toEqual([]);
  });
});
