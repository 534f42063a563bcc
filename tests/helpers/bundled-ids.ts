/**
 * The ids and slugs of the bundled dump's 20 posts, in dump order: pinned, so that a change to parsing (thread
 * links, `--add`) that moved an id or a slug fails.
 */
export const BUNDLED_IDS: [string, string][] = [
  ['04be195eb2bf', 'tls-communication-error-between-iphone-and-ipad-04be19'],
  ['bd01fc6f7f2d', '0xbaadca11-occurs-when-voip-call-incoming-apns-push-bd01fc'],
  ['71b0543f7dba', 'replacing-packet-filter-pf-with-content-filter-for-vpn-71b054'],
  ['e7b0554c1ccd', 'nwconnections-in-network-extension-redirected-to-proxy-e7b055'],
  ['8b8602633f27', 'getting-wifi-ssid-8b8602'],
  ['87eef9fa1fc0', 'mac-cant-find-or-register-ne-app-extension-without-app-87eef9'],
  ['1995985e73ba', 'memory-release-problem-of-vpn-connection-object-199598'],
  ['9d970bbbad26', 'packet-tunnel-provider-with-per-app-vpn-debugging-9d970b'],
  ['8c64c28010aa', 'app-occassionally-crashing-while-connecting-to-public-wifi-8c64c2'],
  ['9b2f224394e2', 'ne-system-extension-stuck-on-validation-by-category-9b2f22'],
  ['7c7987daedc5', 'non-functioning-iprecvif-on-sockets-proxied-with-7c7987'],
  ['211d78bcb9e3', 'wifi-connect-fail-211d78'],
  ['35470061ebf3', 'bgapprefreshtask-canceled-immediately-by-dasd-in-network-354700'],
  ['8820c7f7a9d1', 'when-adding-a-vpn-configuration-the-settings-app-doesnt-8820c7'],
  ['ba78c6497a9a', 'split-tunnel-exclude-apns-ba78c6'],
  ['e8519d655424', 'packet-tunnel-provider-with-per-app-vpn-debugging-e8519d'],
  ['1a490b8f6207', 'how-to-avoid-my-local-server-flows-in-transparent-app-proxy-1a490b'],
  ['24ba91a86132', 'rules-on-apppushprovider-deinitialization-24ba91'],
  ['fedb87aaf3f3', 'flow-divert-behavior-fedb87'],
  ['9afb0abfd6df', 'how-to-start-a-vpn-connection-with-widget-ios-17-9afb0a'],
];
