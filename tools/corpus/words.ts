/**
 * Word lists of the synthetic corpus: plain forum English, roughly by frequency (the order is the Zipf rank),
 * and the phrases titles and bodies are assembled from. None of these words is an API symbol, an error code or
 * an OS version by itself: those come from the catalogs in `vocabulary.ts`.
 */

/** Filler words, most frequent first. */
export const FILLER_WORDS: readonly string[] = (
  'the to I and a is in it that of we on for this with not but app when have are be my from our as can ' +
  'if or an at connection network extension using after use what does there any which so do VPN device ' +
  'would some all get server also one how has was will just the tunnel like only other set working it is ' +
  'same way issue problem user time then into traffic data they more than same about its need been should ' +
  'packet provider configuration system error code call could new here seems still because where while ' +
  'iPhone iPad Mac client socket request response flow flows settings profile interface address route ' +
  'routes rules DNS proxy certificate TLS handshake connect connected disconnects disconnected restart ' +
  'started stopped start stop background foreground memory crash crashes log logs console entitlement ' +
  'entitlements sandbox signing team identifier bundle container extension process daemon helper ' +
  'enterprise MDM managed profile payload release debug build Xcode simulator beta update updated version ' +
  'versions test tested testing works worked fails failed failing failure expected unexpected behaviour ' +
  'behavior correctly properly sometimes always never randomly again every minute seconds hours after ' +
  'reboot sleep wake Wi-Fi cellular Ethernet hotspot SSID captive portal local remote host port address ' +
  'IPv4 IPv6 UDP TCP QUIC HTTP HTTPS packets bytes buffer read write queue thread main callback handler ' +
  'completion closure delegate method property function object instance class struct value nil empty ' +
  'returns returned called calling invoked invoke documentation sample forum thanks help please anyone ' +
  'idea suggestions workaround feedback filed bug report radar engineer reply question answer case steps ' +
  'reproduce reproducible attached below above following example project simple minimal customers users ' +
  'production store review approved rejected reason because however although instead already yet even ' +
  'first second last next previous current different another each both many few most several without ' +
  'within between through across against during before until since around why who whom whose whether'
)
  .split(/\s+/)
  .filter(Boolean);

/** What goes wrong, for titles: `NEHotspotHelper never called`. */
export const PROBLEMS: readonly string[] = [
  'not working',
  'crashes on launch',
  'stops after a few minutes',
  'fails to connect',
  'returns nil',
  'never called',
  'leaks memory',
  'uses too much CPU',
  'blocked by the system',
  'disconnects randomly',
  'rejected in App Review',
  'times out',
  'does not start after reboot',
  'loses traffic after sleep',
  'behaves differently on cellular',
  'is killed in the background',
];

/** What a developer was doing, for titles and lead sentences: `Error -9836 when validating the certificate`. */
export const ACTIONS: readonly string[] = [
  'starting the tunnel',
  'connecting to the server',
  'installing the system extension',
  'reading the SSID',
  'sending packets',
  'validating the certificate',
  'enabling the content filter',
  'handling new flows',
  'saving the configuration',
  'receiving a VoIP push',
  'resolving DNS queries',
  'switching networks',
  'joining a Wi-Fi network',
  'updating the app',
];

/** Opening sentences, as posts start. */
export const OPENINGS: readonly string[] = [
  'Hello,',
  'Hi all,',
  'Dear Apple,',
  'Greetings',
  'We are developing',
  'I have written',
  'Recently, while developing',
  'Our app uses',
  'Sometimes',
  'We have a setup where',
];

/** Closing sentences. */
export const CLOSINGS: readonly string[] = [
  'Any help is appreciated.',
  'Thanks in advance.',
  'Is this expected behaviour?',
  'Has anyone seen this before?',
  'I filed a bug report but have no answer yet.',
  'What am I missing?',
  'Please help.',
];

/** Process names for log lines. */
export const PROCESS_NAMES: readonly string[] = [
  'PacketTunnel',
  'nesessionmanager',
  'neagent',
  'MyFilter',
  'kernel',
];

/** Swift fragments, flattened to one line as the forum does; `{API}` is replaced by an API name. */
export const CODE_TEMPLATES: readonly string[] = [
  'let manager = {API}() manager.loadFromPreferences { error in if let error = error { print("load failed: \\(error)") } }',
  'override func startTunnel(options: [String : NSObject]?, completionHandler: @escaping (Error?) -> Void) { let settings = {API}(tunnelRemoteAddress: "10.0.0.1") setTunnelNetworkSettings(settings) { error in completionHandler(error) } }',
  'let object = {API}() object.includeAllNetworks = true object.excludeAPNs = false saveToPreferences { error in os_log("saved %{public}@", String(describing: error)) }',
  'func handle(_ flow: {API}) -> Bool { guard let remote = flow.remoteEndpoint as? NWHostEndpoint else { return false } return remote.port == "443" }',
  'var y: Int32 = 1 setsockopt(fd, IPPROTO_IP, IP_RECVIF, &y, socklen_t(MemoryLayout<Int32>.size)) let connection = {API}(host: "example.com", port: 443, using: .tls)',
];
