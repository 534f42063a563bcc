import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '@/lib/search/types';
import { ENGINE_FACTORIES, realPosts, reportLiveMeiliSkipped } from '../helpers/engines';

const TLS = 'TLS communication error between iPhone and iPad';
const VOIP = '0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)';
const RECVIF = 'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider';
const PER_APP = 'Packet Tunnel Provider with Per App VPN debugging';
const SYSEXT = 'NE System Extension stuck on Validation By Category';

/** query → the thread a user expects, and the rank it must reach (1 = first). */
const TABLE: Array<{ kind: string; q: string; expected: string; within: number }> = [
  { kind: 'OSStatus with sign', q: '-9836', expected: TLS, within: 1 },
  { kind: 'OSStatus without sign', q: '9836', expected: TLS, within: 1 },
  {
    kind: 'symbolic name of a code only given as a number',
    q: 'errSSLPeerProtocolVersion',
    expected: TLS,
    within: 1,
  },
  { kind: 'hex code, lowercase', q: '0xbaadca11', expected: VOIP, within: 1 },
  { kind: 'hex code without 0x', q: 'baadca11', expected: VOIP, within: 1 },
  { kind: 'domain + code', q: 'OSSystemExtensionErrorDomain code 1', expected: SYSEXT, within: 1 },
  { kind: 'feedback id', q: 'FB17586550', expected: RECVIF, within: 1 },
  {
    kind: 'tech note',
    q: 'TN3165',
    expected: 'Replacing Packet Filter (pf) with Content Filter for VPN Firewall Use Case',
    within: 1,
  },
  {
    kind: 'class in lowercase',
    q: 'nehotspothelper',
    expected: 'App occassionally crashing while connecting to public wifi',
    within: 1,
  },
  { kind: 'dotted nested type', q: 'NWProtocolTLS.Options', expected: TLS, within: 1 },
  { kind: 'C function', q: 'sec_protocol_options_set_local_identity', expected: TLS, within: 1 },
  { kind: 'socket option', q: 'IP_RECVIF', expected: RECVIF, within: 1 },
  { kind: 'class without its prefix', q: 'PacketTunnelProvider', expected: PER_APP, within: 2 },
  {
    kind: 'prefix-less push provider',
    q: 'AppPushProvider',
    expected: 'Rules on AppPushProvider deinitialization',
    within: 1,
  },
  { kind: 'property name', q: 'excludeAPNs', expected: 'split Tunnel + exclude APNs', within: 1 },
  { kind: 'two typos', q: 'hotspt configuraton', expected: 'wifi connect fail', within: 1 },
  {
    kind: 'one typo',
    q: 'transparnt proxy',
    expected: 'How to avoid my local server flows in Transparent App Proxy',
    within: 3,
  },
  {
    kind: 'plain words',
    q: 'widget vpn connection',
    expected: 'How to start a VPN connection with Widget ios 17?',
    within: 1,
  },
  {
    kind: 'symptom words',
    q: 'bgapprefreshtask canceled dasd',
    expected: 'BGAppRefreshTask Canceled Immediately by dasd in Network Extension',
    within: 1,
  },
  {
    kind: 'OS version words',
    q: 'iOS 18.5 settings',
    expected:
      "When adding a VPN configuration, the Settings app doesn't continue with the configuration process",
    within: 1,
  },
  { kind: 'SSID question', q: 'ssid nil', expected: 'Getting WIFI SSID', within: 1 },
  {
    kind: 'app sandbox',
    q: 'app sandbox entitlement',
    expected: "Mac can't find or register NE App Extension without App Sandbox entitlement",
    within: 1,
  },
];

reportLiveMeiliSkipped();

describe.each(ENGINE_FACTORIES)('search quality on the real dump: %s', (_name, create) => {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = create();
    await engine.replaceAll(await realPosts());
  }, 120_000);

  it.each(TABLE)('$kind: "$q" finds its thread within $within', async ({ q, expected, within }) => {
    const titles = (await engine.search({ q, perPage: 10 })).hits.map((h) => h.post.title);
    expect(titles.slice(0, within)).toContain(expected);
  });
});
