const VOIP = '0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)';
const PF = 'Replacing Packet Filter (pf) with Content Filter for VPN Firewall Use Case';
const PAC = 'NWConnections in Network Extension Redirected to Proxy';
const SSID = 'Getting WIFI SSID';
const SANDBOX = "Mac can't find or register NE App Extension without App Sandbox entitlement";
const MEMORY = 'Memory release problem of VPN connection object';
const PER_APP = 'Packet Tunnel Provider with Per App VPN debugging';
const HOTSPOT = 'App occassionally crashing while connecting to public wifi';
const SYSEXT = 'NE System Extension stuck on Validation By Category';
const RECVIF = 'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider';
const WIFI = 'wifi connect fail';
const DASD = 'BGAppRefreshTask Canceled Immediately by dasd in Network Extension';
const SETTINGS =
  "When adding a VPN configuration, the Settings app doesn't continue with the configuration process";
const APNS = 'split Tunnel + exclude APNs';
const LOCAL = 'How to avoid my local server flows in Transparent App Proxy';
const PUSH = 'Rules on AppPushProvider deinitialization';
const DIVERT = 'Flow Divert behavior';
const WIDGET = 'How to start a VPN connection with Widget ios 17?';

const TLS = 'TLS communication error between iPhone and iPad';
const DOH = 'Content filter blocks DNS over HTTPS';
const QUIC = 'Transparent proxy and QUIC';
const SAFARI = 'Per-app VPN rules not applied to Safari';
const HOTSPOT_ENTITLEMENT = 'NEHotspotHelper entitlement for a new Wi-Fi app';
const LOCAL_NETWORK = 'Local network permission prompt never shown on iOS 18';
const SOCKET_PATH = 'Socket path limited to 104 characters';
const TRUST = 'SecTrustEvaluateWithError fails with -9807 on macOS 15';
const KEYCHAIN = 'Keychain item not found after restore';

/**
 * Queries the way developers describe a problem (no thread has every word of most of them), each with the
 * thread it should find and the rank it must reach, over the real dump and the hand-made captures: the
 * partial-match fallback's table (issue 12). Within rank (tests/search/natural-quality.test.ts): `frequency`
 * 39/39 (39 at rank 1), `last` 39/39 (35 at rank 1), every word required 2/39.
 */
export const NATURAL_TABLE: Array<{ q: string; expected: string; within: number }> = [
  { q: 'voip app killed when call arrives on locked iphone', expected: VOIP, within: 3 },
  { q: 'replace pf firewall rules with a content filter on macos', expected: PF, within: 3 },
  { q: 'nwconnection ignores pac proxy inside my extension', expected: PAC, within: 3 },
  { q: 'ssid always returns nil on ipad even with permission', expected: SSID, within: 3 },
  { q: 'extension not found unless app sandbox is enabled', expected: SANDBOX, within: 3 },
  { q: 'vpn manager object leaks memory and is never released', expected: MEMORY, within: 3 },
  { q: 'how do I debug per app vpn routing with my tunnel', expected: PER_APP, within: 3 },
  { q: 'hotspot helper crash on public wifi networks', expected: HOTSPOT, within: 3 },
  { q: 'system extension install hangs at validation forever', expected: SYSEXT, within: 3 },
  { q: 'IP_RECVIF broken for proxied sockets transparent proxy', expected: RECVIF, within: 3 },
  { q: 'applyConfiguration fails to join the hotspot network', expected: WIFI, within: 3 },
  { q: 'background refresh task cancelled right away in my network extension', expected: DASD, within: 3 },
  { q: 'settings app does not finish adding the vpn profile', expected: SETTINGS, within: 3 },
  { q: 'exclude apns traffic from a split tunnel proxy', expected: APNS, within: 3 },
  { q: 'skip traffic to my local server in transparent proxy', expected: LOCAL, within: 3 },
  { q: 'when is the push provider deinitialized or stopped', expected: PUSH, within: 3 },
  { q: 'utun flow divert changes routing after tunnel starts', expected: DIVERT, within: 3 },
  { q: 'start vpn from a home screen widget without opening app', expected: WIDGET, within: 3 },
  { q: 'tls handshake fails between two devices with a self signed p12', expected: TLS, within: 3 },
  {
    q: 'local push connectivity server rejects client with invalid protocol version',
    expected: TLS,
    within: 3,
  },
  { q: 'incoming voip push ignored after killing the app with wifi on', expected: VOIP, within: 3 },
  { q: 'block traffic leaking outside the tunnel without pf', expected: PF, within: 3 },
  { q: 'network extension fails to register when sandbox is removed', expected: SANDBOX, within: 3 },
  { q: 'memory keeps growing after creating many udp sessions', expected: MEMORY, within: 3 },
  { q: 'browser never gets an ack for packets written to tun', expected: PER_APP, within: 3 },
  { q: 'cannot connect to 2.4g hotspot because no probe request is sent', expected: WIFI, within: 3 },
  { q: 'adding a vpn configuration only works on the third try', expected: SETTINGS, within: 3 },
  { q: 'excludeAPNs only works when includeAllNetworks is enabled', expected: APNS, within: 3 },
  { q: 'my proxy captures its own outgoing connections to the remote server', expected: LOCAL, within: 3 },
  { q: 'existing tcp connections moved into utun when adding ipv4 routes', expected: DIVERT, within: 3 },
  { q: 'ios 17 widget button that connects the vpn', expected: WIDGET, within: 3 },
  { q: 'Safari never shows local network permission prompt', expected: LOCAL_NETWORK, within: 3 },
  { q: 'socket path limited to 104 characters TMPDIR too long', expected: SOCKET_PATH, within: 3 },
  { q: 'content filter cannot see the hostname for dns over https', expected: DOH, within: 3 },
  { q: 'transparent proxy receives no udp flows for quic', expected: QUIC, within: 3 },
  { q: 'per app vpn ignored by safari on the ios 26 beta', expected: SAFARI, within: 3 },
  {
    q: 'how long does approval of the hotspot helper entitlement take',
    expected: HOTSPOT_ENTITLEMENT,
    within: 3,
  },
  { q: 'certificate chain invalid 9807 since the macos 15.1 update', expected: TRUST, within: 3 },
  { q: 'keychain items missing after restoring from an icloud backup', expected: KEYCHAIN, within: 3 },
];
