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

/**
 * Queries the way developers describe a problem (no thread has every word of most of them), each with the
 * thread it should find and the rank it must reach: the partial-match fallback's table (issue 12). `miss`: not
 * within its rank yet (with `frequency`, a tie among words of one post each keeps them all: see relax.ts).
 * Measured: all words required 1/18, `frequency` 13/18, `last` 14/18.
 */
export const NATURAL_TABLE: Array<{ q: string; expected: string; within: number; miss?: true }> = [
  { q: 'voip app killed when call arrives on locked iphone', expected: VOIP, within: 3 },
  { q: 'replace pf firewall rules with a content filter on macos', expected: PF, within: 3 },
  { q: 'nwconnection ignores pac proxy inside my extension', expected: PAC, within: 3 },
  { q: 'ssid always returns nil on ipad even with permission', expected: SSID, within: 3 },
  { q: 'extension not found unless app sandbox is enabled', expected: SANDBOX, within: 3 },
  { q: 'vpn manager object leaks memory and is never released', expected: MEMORY, within: 3, miss: true },
  { q: 'how do I debug per app vpn routing with my tunnel', expected: PER_APP, within: 3, miss: true },
  { q: 'hotspot helper crash on public wifi networks', expected: HOTSPOT, within: 3 },
  { q: 'system extension install hangs at validation forever', expected: SYSEXT, within: 3 },
  { q: 'IP_RECVIF broken for proxied sockets transparent proxy', expected: RECVIF, within: 3 },
  { q: 'applyConfiguration fails to join the hotspot network', expected: WIFI, within: 3 },
  { q: 'background refresh task cancelled right away in my network extension', expected: DASD, within: 3 },
  { q: 'settings app does not finish adding the vpn profile', expected: SETTINGS, within: 3, miss: true },
  { q: 'exclude apns traffic from a split tunnel proxy', expected: APNS, within: 3 },
  { q: 'skip traffic to my local server in transparent proxy', expected: LOCAL, within: 3, miss: true },
  { q: 'when is the push provider deinitialized or stopped', expected: PUSH, within: 3 },
  { q: 'utun flow divert changes routing after tunnel starts', expected: DIVERT, within: 3, miss: true },
  { q: 'start vpn from a home screen widget without opening app', expected: WIDGET, within: 3 },
];
