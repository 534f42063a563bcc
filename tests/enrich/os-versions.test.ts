import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DUMP_PATH } from '../helpers/fixtures';
import * as osModule from '@/lib/enrich/os-versions';
import { extractOsVersions, OS_VERSION_WATCH } from '@/lib/enrich/os-versions';
import { TokenScanner } from '@/lib/enrich/token-scanner';
import { OsVersion } from '@/lib/posts/schema';

const scanner = new TokenScanner([OS_VERSION_WATCH]);
/** The OS versions of a text, through a scanner that watches what the extractor declares. */
const osVersionsIn = (text: string) => extractOsVersions(scanner.scan(text));
const lines = readFileSync(DUMP_PATH, 'utf8').split(/\r?\n/);

/** Title and body of the post whose title is on 1-based line `n`, joined as the enricher joins them. */
function post(n: number): { title: string; text: string } {
  const title = lines[n - 1]!;
  return { title, text: `${title}\n${lines[n]!}` };
}

/** Labels of the versions found in a text. */
const labels = (text: string) => osVersionsIn(text).map((o) => o.label);

/** The 20 distinct posts: compact title lines 21, 27, …, 129 and the extra labelled post at 175. */
const EXPECTED: Array<[number, string, string[]]> = [
  [21, 'TLS communication error between iPhone and iPad', ['iPadOS 16.6', 'iOS 18.3.2']],
  [27, '0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)', []],
  [33, 'Replacing Packet Filter (pf) with Content Filter for VPN Firewall Use Case', []],
  [39, 'NWConnections in Network Extension Redirected to Proxy', []],
  [45, 'Getting WIFI SSID', []],
  [51, "Mac can't find or register NE App Extension without App Sandbox entitlement", []],
  [57, 'Memory release problem of VPN connection object', ['iOS 16']],
  [63, 'Packet Tunnel Provider with Per App VPN debugging', []],
  [69, 'App occassionally crashing while connecting to public wifi', []],
  [75, 'NE System Extension stuck on Validation By Category', ['macOS 15.0']],
  [81, 'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider', []],
  [87, 'wifi connect fail', []],
  [93, 'BGAppRefreshTask Canceled Immediately by dasd in Network Extension', ['iOS 17.1.1']],
  [
    99,
    "When adding a VPN configuration, the Settings app doesn't continue with the configuration process",
    ['iOS 18.5'],
  ],
  [105, 'split Tunnel + exclude APNs', []],
  [111, 'Packet Tunnel Provider with Per App VPN debugging', []],
  [117, 'How to avoid my local server flows in Transparent App Proxy', []],
  [123, 'Rules on AppPushProvider deinitialization', []],
  [129, 'Flow Divert behavior', []],
  [175, 'How to start a VPN connection with Widget ios 17?', ['iOS 17']],
];

describe('extractOsVersions on the real dump', () => {
  it.each(EXPECTED)('post at line %i (%s) yields exactly its OS versions', (line, title, expected) => {
    const p = post(line);
    expect(p.title).toBe(title);
    expect(labels(p.text)).toEqual(expected);
  });

  it('returns full normalised records that satisfy the OsVersion schema', () => {
    const found = osVersionsIn(post(21).text);
    expect(found).toEqual([
      { platform: 'iPadOS', version: '16.6', label: 'iPadOS 16.6', number: 16006000 },
      { platform: 'iOS', version: '18.3.2', label: 'iOS 18.3.2', number: 18003002 },
    ]);
    for (const o of found) expect(OsVersion.parse(o)).toEqual(o);
  });
});

describe('extractOsVersions forms', () => {
  it.each([
    ['iOS 18.3.2', ['iOS 18.3.2']],
    ['iPad (OS: 16.6)', ['iPadOS 16.6']],
    ['iPhone (OS: 18.3.2)', ['iOS 18.3.2']],
    ['macOS 15.0 and macos 15.0', ['macOS 15.0']],
    ['on my mac(macos 15.0).', ['macOS 15.0']],
    ['ios 17', ['iOS 17']],
    ['iOS17', ['iOS 17']],
    ['iOS 18.5 build 22F5068a', ['iOS 18.5']],
    ['iOS Version: 17.1.1 (iPhone Xs Max)', ['iOS 17.1.1']],
    ['[iOS 16, 14pm]', ['iOS 16']],
    ['iPadOS 17.4, iPad OS 17.5', ['iPadOS 17.4', 'iPadOS 17.5']],
    ['watchOS 10, tvOS 17, visionOS 2', ['watchOS 10', 'tvOS 17', 'visionOS 2']],
    ['OS X 10.15 and Mac OS X 10.9', ['macOS 10.15', 'macOS 10.9']],
    ['macOS Sonoma, macOS Big Sur 11.2, macOS Catalina', ['macOS 14', 'macOS 11.2', 'macOS 10.15']],
    ['iPhone 15 (iOS 17.4)', ['iOS 17.4']],
    ['broken on iOS 17.x', ['iOS 17']],
  ])('%s → %j', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it.each([
    'TLS1.3',
    'IPv4',
    '0.0.0.0/0',
    'version 1.0/1',
    '22:00:13.818257',
    'HTTP/2',
    'iOS app',
    'macOS release',
    'iOS 2025',
    'macOS 123',
    'macOS 9',
    'iOS 0',
    'iOS 18.3.2.1',
    'iPad (9th generation)',
    'bios 17',
    'io.cylonix.sase.ios.refresh',
    'Sonoma 14 without a platform',
  ])('finds no version in %j', (text) => {
    expect(osVersionsIn(text)).toEqual([]);
  });
});

describe('module surface', () => {
  it('exports exactly the extractor and what it watches', () => {
    expect(Object.keys(osModule).sort()).toEqual(['OS_VERSION_WATCH', 'extractOsVersions']);
  });
});
