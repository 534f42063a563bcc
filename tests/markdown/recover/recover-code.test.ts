import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { recoverCode } from '@/lib/markdown/recover/recover-code';
import { FENCE_MARKER } from '@/lib/markdown/recover/fenced-run';
import { STRAY_BACKTICK } from '@/lib/markdown/recover/log-layout';
import type { Segment } from '@/lib/markdown/recover/segment';
import { DUMP_TEXT, dumpBodiesOf } from '../../helpers/fixtures';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/recovered');
const fixtureLines = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8').trimEnd().split('\n');

/** The code blocks of a recovered body, entities decoded (the layouts differ only in escaping). */
const blocksOf = (body: string) =>
  recoverCode(body)
    .segments.filter((s): s is Extract<Segment, { kind: 'code' }> => s.kind === 'code')
    .map((s) => ({ lang: s.lang, lines: s.lines.map((l) => decodeHTML(l)) }));

/** Both layouts' bodies of a post, checked to recover the same blocks; the blocks. */
function recoveredBlocks(title: string) {
  const bodies = dumpBodiesOf(title);
  expect(bodies.length).toEqual(2);
  const [compact, labelled] = bodies.map(blocksOf);
  expect(labelled).toEqual(compact);
  return compact!;
}

describe('recoverCode on every code-bearing post of the bundled dump', () => {
  it('lays out the TLS ConnectionOptions listing as 85 indented Swift lines', () => {
    const blocks = recoveredBlocks('TLS communication error between iPhone and iPad');
    expect(blocks).toEqual([{ lang: 'swift', lines: fixtureLines('tls-connection-options.swift') }]);
    const lines = blocks[0]!.lines;
    expect(lines.slice(0, 3)).toEqual([
      'public enum ConnectionOptions {',
      '    public enum TCP {',
      '        public static var options: NWProtocolTCP.Options {',
    ]);
    expect(lines).toContain('            // Attempt to verify the pinned certificate.');
    expect(lines.at(-1)).toEqual('}');
  });

  it('recovers the system extension post: its class, its sysextd log without fence or backticks, its delegate method', () => {
    const blocks = recoveredBlocks('NE System Extension stuck on Validation By Category');
    expect(blocks).toEqual([
      { lang: 'swift', lines: fixtureLines('system-extension-class.swift') },
      { lang: 'log', lines: fixtureLines('sysextd.log') },
      {
        lang: 'swift',
        lines: [
          'public func request(_: OSSystemExtensionRequest, didFailWithError error: Error) {',
          '    self.error = error',
          '    semaphore.signal()',
          '}',
        ],
      },
    ]);
    expect(blocks[1]!.lines.length).toEqual(13);
    expect(blocks[1]!.lines.join('\n')).not.toMatch(/```|`/);
    expect(blocks[1]!.lines[0]).toEqual(
      '22:00:13.818257 sysextd extension mockTeamID app.balabala.com.mockbalabala (1.0/1) advancing state from staging to validating',
    );
  });

  it('puts each frame of the NEHotspotHelper crash on its own line', () => {
    expect(recoveredBlocks('App occassionally crashing while connecting to public wifi')).toEqual([
      {
        lang: 'log',
        lines: [
          '0 CaptiveNetwork 0x0000000221d87a4c ServerConnectionGetHandlerQueue + 0 (ServerConnection.c:509)',
          '1 CaptiveNetwork 0x0000000221d8577c CNPluginCopySupportedInterfaces + 180 (CNPlugin.c:457)',
          '2 NetworkExtension 0x00000001b0446618 +[NEHotspotHelper supportedNetworkInterfaces] + 32 (NEHotspotHelper.m:563)',
        ],
      },
    ]);
  });

  it('puts each dasd entry on its own line and drops the stray backtick before them', () => {
    const title = 'BGAppRefreshTask Canceled Immediately by dasd in Network Extension';
    expect(recoveredBlocks(title)).toEqual([
      {
        lang: 'log',
        lines: [
          'debug 22:09:37.952749-0700 dasd Best binding found for evaluator 0x16d541720: <private>',
          'debug 22:09:37.954483-0700 dasd Invoking selector backgroundTaskSchedulerPermittedIdentifiersWithContext:tableID:unitID:unitBytes: on <LSApplicationRecord 0x724844650>',
          'default 22:09:37.955563-0700 dasd CANCELED: bgRefresh-io.cylonix.sase.ios.refresh:ABDAFA at priority 10 <private>!',
        ],
      },
    ]);
    const body = dumpBodiesOf(title)[0]!;
    expect(recoverCode(body).removed).toEqual([{ at: body.indexOf('` debug'), text: '`' }]);
  });

  it('lays out the two C statements of the IP_RECVIF post as a C block between the halves of its sentence', () => {
    const title = 'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider';
    expect(recoveredBlocks(title)).toEqual([
      { lang: 'c', lines: ['int y = 1;', 'setsockopt(fd, IPPROTO_IP, IP_RECVIF, &y, sizeof(y));'] },
    ]);
    const body = dumpBodiesOf(title)[0]!;
    expect(recoverCode(body)).toEqual({
      segments: [
        { kind: 'text', text: "Hi! I've noticed that the IP_RECVIF socket option, i.e.:" },
        {
          kind: 'code',
          lang: 'c',
          lines: ['int y = 1;', 'setsockopt(fd, IPPROTO_IP, IP_RECVIF, &y, sizeof(y));'],
        },
        { kind: 'text', text: body.slice(body.indexOf('does not seem to work')) },
      ],
      removed: [],
    });
  });

  it('keeps the one applyConfiguration declaration of "wifi connect fail" inside its sentence', () => {
    for (const body of dumpBodiesOf('wifi connect fail')) {
      expect(body).toContain(
        'we will call the - (void) applyConfiguration:(NEHotspotConfiguration *) configuration',
      );
      expect(recoverCode(body)).toEqual({ segments: [{ kind: 'text', text: body.trim() }], removed: [] });
    }
  });

  it('finds code in exactly those five posts and leaves every other body one paragraph of prose', () => {
    const titles = [...new Set(DUMP_TEXT.split('\n'))].filter((t) => dumpBodiesOf(t).length > 0);
    const withCode = titles.filter((t) => dumpBodiesOf(t).some((b) => blocksOf(b).length > 0)).sort();
    expect(withCode).toEqual([
      'App occassionally crashing while connecting to public wifi',
      'BGAppRefreshTask Canceled Immediately by dasd in Network Extension',
      'NE System Extension stuck on Validation By Category',
      'Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider',
      'TLS communication error between iPhone and iPad',
    ]);
    for (const title of titles.filter((t) => !withCode.includes(t))) {
      for (const body of dumpBodiesOf(title)) {
        const segments = body.trim() ? [{ kind: 'text', text: body.trim() }] : [];
        expect(recoverCode(body)).toEqual({ segments, removed: [] });
      }
    }
  });
});

describe('recoverCode on small bodies', () => {
  it('lays out a closed fence in its language and drops both markers', () => {
    expect(recoverCode('Before ```swift let x = 1 print(x)``` after')).toEqual({
      segments: [
        { kind: 'text', text: 'Before' },
        { kind: 'code', lang: 'swift', lines: ['let x = 1', 'print(x)'] },
        { kind: 'text', text: 'after' },
      ],
      removed: [
        { at: 7, text: '```swift' },
        { at: 34, text: '```' },
      ],
    });
  });

  it('keeps a first word that is not a language inside the code', () => {
    expect(recoverCode('inline ```let x``` code').segments).toEqual([
      { kind: 'text', text: 'inline' },
      { kind: 'code', lang: 'plaintext', lines: ['let x'] },
      { kind: 'text', text: 'code' },
    ]);
  });

  it('breaks C statements after each ; and nests them by braces inside an Objective-C fence', () => {
    expect(recoverCode('```objc if (x) { int y = 1; f(&y, sizeof(y)); }```').segments).toEqual([
      {
        kind: 'code',
        lang: 'objectivec',
        lines: ['if (x) {', '    int y = 1;', '    f(&y, sizeof(y));', '}'],
      },
    ]);
  });

  it('puts each directive, @interface line and @end of an Objective-C fence on a line, never a break inside an expression', () => {
    expect(
      blocksOf(
        'x ```objc #import <Foundation/Foundation.h> @interface A : NSObject @end int z = x - (int)y; ``` y',
      ),
    ).toEqual([
      {
        lang: 'objectivec',
        lines: [
          '#import <Foundation/Foundation.h>',
          '@interface A : NSObject',
          '@end',
          'int z = x - (int)y;',
        ],
      },
    ]);
    expect(blocksOf('```c x + foo(a); x - (int)y; ```')).toEqual([
      { lang: 'c', lines: ['x + foo(a);', 'x - (int)y;'] },
    ]);
  });

  it('pretty-prints a JSON object two spaces a level', () => {
    expect(
      recoverCode('The payload is {"aps": {"alert": "hi", "badge": [1, 2]}, "id": 7} as sent.').segments,
    ).toEqual([
      { kind: 'text', text: 'The payload is' },
      {
        kind: 'code',
        lang: 'json',
        lines: [
          '{',
          '  "aps": {',
          '    "alert": "hi",',
          '    "badge": [',
          '      1,',
          '      2',
          '    ]',
          '  },',
          '  "id": 7',
          '}',
        ],
      },
      { kind: 'text', text: 'as sent.' },
    ]);
  });

  it('leaves an unclosed fence that no log follows, prose braces and a lone timestamp as text', () => {
    for (const body of [
      'Unclosed ```swift let x = 1',
      'the class Foo { is odd',
      'At 22:00:13.818257 it failed.',
      'We call func foo. Then { nothing }',
    ]) {
      expect(recoverCode(body)).toEqual({ segments: [{ kind: 'text', text: body }], removed: [] });
    }
  });
});

const fixtureBody = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8').trimEnd();
/** The labelled layout's copy of a body: `<`, `>` and `&` written as entities. */
const escaped = (body: string) =>
  body.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('recoverCode on Objective-C and C outside fences', () => {
  it('lays out a flattened Objective-C provider between its two sentences: directive, @interface … @end, methods', () => {
    const body = fixtureBody('objc-packet-tunnel-post.txt');
    expect(recoverCode(body)).toEqual({
      segments: [
        {
          kind: 'text',
          text: "Hello, I'm building a packet tunnel in Objective-C and the completion handler is never called. Here is my provider:",
        },
        { kind: 'code', lang: 'objectivec', lines: fixtureLines('objc-packet-tunnel.m') },
        {
          kind: 'text',
          text: 'The log shows nothing after "Configure the tunnel". What am I missing? Thanks in advance.',
        },
      ],
      removed: [],
    });
    const lines = fixtureLines('objc-packet-tunnel.m');
    expect(lines.slice(0, 5)).toEqual([
      '#import <NetworkExtension/NetworkExtension.h>',
      '@interface PacketTunnelProvider : NEPacketTunnelProvider',
      '@property (nonatomic, strong) NWUDPSession *session;',
      '@end',
      '@implementation PacketTunnelProvider',
    ]);
    expect(lines).toContain('    // Configure the tunnel');
    expect(lines).toContain('            NSLog(@"setTunnelNetworkSettings failed: %@", error);');
    expect(lines.at(-1)).toEqual('@end');
    expect(blocksOf(escaped(body))).toEqual(blocksOf(body));
  });

  it('lays out a flattened C repro: one #include a line, no break in for (;;) or in a string with a ;', () => {
    const body = fixtureBody('c-udp-socket-post.txt');
    expect(recoverCode(body)).toEqual({
      segments: [
        {
          kind: 'text',
          text: 'Hi, with our NETransparentProxyProvider enabled the UDP reply never arrives. Minimal repro:',
        },
        { kind: 'code', lang: 'c', lines: fixtureLines('c-udp-socket.c') },
        { kind: 'text', text: 'Without the extension it prints the reply at once. Is this expected?' },
      ],
      removed: [],
    });
    const lines = fixtureLines('c-udp-socket.c');
    expect(lines).toContain('    for (;;) {');
    expect(lines).toContain('        printf("got %zd bytes; done\\n", n);');
    expect(lines).toContain('    /* send a query */');
    expect(blocksOf(escaped(body))).toEqual(blocksOf(body));
  });

  it.each([
    [
      'We declare - (void)startProbe; - (BOOL)isReachable:(NSString *)host; in the header and it builds.',
      'objectivec',
      ['- (void)startProbe;', '- (BOOL)isReachable:(NSString *)host;'],
    ],
    [
      'I log it like this: NSLog(@"status: %ld", (long)manager.connection.status); NSLog(@"error: %@", error); and see nothing.',
      'objectivec',
      ['NSLog(@"status: %ld", (long)manager.connection.status);', 'NSLog(@"error: %@", error);'],
    ],
    [
      "Our header has typedef struct { uint32_t addr; uint16_t port; } endpoint_t; and it's packed.",
      'c',
      ['typedef struct {', '    uint32_t addr;', '    uint16_t port;', '} endpoint_t;'],
    ],
    [
      'The handler is - (void)handleNewFlow:(NEAppProxyFlow *)flow { [flow openWithLocalEndpoint:nil completionHandler:^(NSError *error) { [self relay:flow]; }]; } but it never runs.',
      'objectivec',
      [
        '- (void)handleNewFlow:(NEAppProxyFlow *)flow {',
        '    [flow openWithLocalEndpoint:nil completionHandler:^(NSError *error) {',
        '        [self relay:flow];',
        '    }];',
        '}',
      ],
    ],
    [
      "Then: struct sockaddr_in6 sin6 = {0}; sin6.sin6_family = AF_INET6; int on = 1; setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &on, sizeof(on)); // works And that's it.",
      'c',
      [
        'struct sockaddr_in6 sin6 = {0};',
        'sin6.sin6_family = AF_INET6;',
        'int on = 1;',
        'setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &on, sizeof(on));',
      ],
    ],
    [
      'In Foo.m: @implementation Foo #pragma mark - Lifecycle - (NSString *)URLString { return self->_url; } @end Is that right?',
      'objectivec',
      [
        '@implementation Foo',
        '#pragma mark - Lifecycle',
        '- (NSString *)URLString {',
        '    return self->_url;',
        '}',
        '@end',
      ],
    ],
    [
      'The labelled copy: p-&gt;len = htons(n); p-&gt;type = 2; and so on.',
      'c',
      ['p->len = htons(n);', 'p->type = 2;'],
    ],
    [
      'My observer: - (void)update:(NEVPNStatus)status { switch (status) { case NEVPNStatusConnected: NSLog(@"up"); break; default: x = a ? b : c; break; } } never sees Connected.',
      'objectivec',
      [
        '- (void)update:(NEVPNStatus)status {',
        '    switch (status) {',
        '        case NEVPNStatusConnected:',
        '        NSLog(@"up");',
        '        break;',
        '        default:',
        '        x = a ? b : c;',
        '        break;',
        '    }',
        '}',
      ],
    ],
    [
      'Our getter - (MyState)currentState:(MyKind)kind { [self refresh]; return _state; } returns stale values.',
      'objectivec',
      ['- (MyState)currentState:(MyKind)kind {', '    [self refresh];', '    return _state;', '}'],
    ],
    [
      'The loops: for (int i = 0; i < n; i++) { f(i); } for (NSString *s in list) { g(s); } and both run.',
      'objectivec',
      ['for (int i = 0; i < n; i++) {', '    f(i);', '}', 'for (NSString *s in list) {', '    g(s);', '}'],
    ],
    [
      'I call [[NEHotspotConfigurationManager sharedManager] applyConfiguration:config completionHandler:^(NSError * _Nullable error) { if (error) { NSLog(@"%@", error); } }]; and error is nil.',
      'objectivec',
      [
        '[[NEHotspotConfigurationManager sharedManager] applyConfiguration:config completionHandler:^(NSError * _Nullable error) {',
        '    if (error) {',
        '        NSLog(@"%@", error);',
        '    }',
        '}];',
      ],
    ],
    [
      'Then dispatch_async(dispatch_get_main_queue(), ^{ [self update]; }); runs late.',
      'objectivec',
      ['dispatch_async(dispatch_get_main_queue(), ^{', '    [self update];', '});'],
    ],
  ])('recovers %j as one block', (body, lang, lines) => {
    expect(blocksOf(body)).toEqual([{ lang, lines }]);
  });

  it('reads an if … else if … else chain as one statement, its bodies nested', () => {
    expect(blocksOf('x: if (a) { f(); } else if (b) g(); else { h(); } i++; done.')).toEqual([
      { lang: 'c', lines: ['if (a) {', '    f();', '} else if (b) g();', 'else {', '    h();', '}', 'i++;'] },
    ]);
  });

  it('reads 20,000 nested [ and a 3,000-link else-if chain without deepening the stack', () => {
    const brackets = '['.repeat(20_000);
    expect(recoverCode(brackets)).toEqual({ segments: [{ kind: 'text', text: brackets }], removed: [] });
    const chain = `${'if (a) { f(); } else '.repeat(3000)}{ g(); } h();`;
    expect(blocksOf(chain).map((b) => [b.lang, b.lines.length, b.lines.at(-1)])).toEqual([
      ['c', 6004, 'h();'],
    ]);
  });

  it.each([
    [
      'prose with brackets',
      'Calling [NEHotspotHelper supportedNetworkInterfaces] from the app [see FB123] returns nil (sometimes) [sic]; [VoIP Telephone] --Call to iPhone(Phoneapp)--> [PBX];',
    ],
    [
      'a sentence with semicolons',
      'The tunnel starts; the DNS settings apply; then traffic stops; no error is logged.',
    ],
    [
      'type names in a sentence with semicolons',
      'Use Case: VPN app; Network Extension records receipts; BOOL flags are fine; NSString values too;',
    ],
    [
      'a bullet list starting with - (',
      'Steps: - (optional) enable on-demand; - (required) restart the device; - (Important) Reinstall the profile; - (void) is returned;',
    ],
    [
      'prose conditions before code-like braces',
      'x: if (you can) { return; } if (needed) { return; } thanks',
    ],
    ['prose in braces twice', 'if (you can) { please help } if (you can) { please help } The tunnel starts;'],
    ['one call passing an empty block', 'We pass foo(^{ }); and nothing happens.'],
    [
      'a bullet list of capitalised words in parentheses',
      'Do this: - (Optional) Restart; - (Required) Reinstall;',
    ],
    [
      'one call inside a sentence',
      'I call setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)); before bind and it works.',
    ],
    [
      'one method declaration inside a sentence',
      'We call the - (void) removeConfigurationForSSID:(NSString *) SSID; method of NEHotspotConfigurationManager.',
    ],
    [
      'one #import inside a sentence',
      'I added #import <NetworkExtension/NetworkExtension.h> to the bridging header; it builds.',
    ],
    ['assignments that a comma splits', 'The values are x = 1, y = 2; see the docs (e.g. foo(bar); here).'],
    ['prose in braces after if', 'if (you can) { please help } thanks; regards (Tom); bye.'],
    ['a URL then a statement', 'See https://developer.apple.com/forums/thread/1 x = 1; for details.'],
  ])('leaves %s as text', (_, body) => {
    expect(recoverCode(body)).toEqual({ segments: [{ kind: 'text', text: body }], removed: [] });
  });
});

/** The non-white-space characters of a text, in order. */
const ink = (text: string) => text.replace(/\s+/g, '');

/** The body with the removed spans cut out. */
function withoutRemovals(body: string, removed: readonly { at: number; text: string }[]): string {
  let out = '';
  let at = 0;
  for (const r of [...removed].sort((a, b) => a.at - b.at)) {
    expect(body.slice(r.at, r.at + r.text.length)).toEqual(r.text);
    out += body.slice(at, r.at);
    at = r.at + r.text.length;
  }
  return out + body.slice(at);
}

const segmentInk = (segments: readonly Segment[]) =>
  segments.map((s) => ink(s.kind === 'text' ? s.text : s.lines.join(''))).join('');

/** Pieces real bodies are made of: prose, Swift, C, logs, frames, JSON, fences and stray backticks. */
const piece = fc.constantFrom(
  'Hello, this is my code:',
  'public func a() {',
  'let x = foo(1, "s}") return x',
  '} }',
  'private var y: Int? {',
  '// note. ',
  'int y = 1; f(&y);',
  '22:00:13.818257 sysextd a',
  'info 2025-05-01 22:00:13.818336 sysextd b <private>',
  'debug 22:09:37.952749-0700 dasd x',
  '0 CaptiveNetwork 0x0000000221d87a4c F + 0 (A.c:1)',
  '{"a": 1, "b": [true, null]}',
  '```log',
  '```swift',
  '```',
  '`',
  'And when i debug the code it fails.',
  '&lt;private&gt; &amp;x',
  '{',
  '}',
  'x',
);

/** Pieces of Objective-C and C bodies: directives, @-lines, methods, statements, strings with `;`, and prose around. */
const cPiece = fc.constantFrom(
  'Here is my code:',
  '#import <NetworkExtension/NetworkExtension.h>',
  '#include "x.h"',
  '#define PORT 53',
  '@interface Foo : NSObject',
  '@implementation Foo',
  '@property (nonatomic) int x;',
  '@end',
  '- (void)foo:(NSString *)bar {',
  '+ (instancetype)shared;',
  '- (optional) step;',
  '[obj message:arg];',
  '[[NSFoo alloc] init]',
  'NSLog(@"a; b %@", x);',
  'int main(int argc, char *argv[]) {',
  'struct sockaddr_in addr;',
  'setsockopt(fd, IPPROTO_IP, IP_RECVIF, &on, sizeof(on));',
  'for (;;) {',
  'if (x) { return; } else {',
  'typedef struct { int a; } foo_t;',
  "char c = ';';",
  '= {0};',
  '^{',
  '@{@"k": @1}',
  '// note',
  '/* block */',
  '&lt;Foundation/Foundation.h&gt;',
  'It fails; why? Thanks.',
  '{',
  '}',
  ';',
  '(',
  ')',
);

/** Pieces of property lists and XML: prolog, containers, leaves, empty elements, comments, strays and prose. */
const plistPiece = fc.constantFrom(
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
  '<plist version="1.0">',
  '</plist>',
  '<dict>',
  '</dict>',
  '<dict> <key>a</key> <string>b</string> </dict>',
  '<key>NEProviderClasses</key>',
  '<string>$(PRODUCT_MODULE_NAME).PacketTunnelProvider</string>',
  '<array>',
  '</array>',
  '<true/>',
  '<integer>1</integer>',
  '<!-- note -->',
  '<!--',
  '-->',
  '<b>bold</b>',
  '<plist version="',
  'Info.plist has',
  'but the extension never starts.',
);

describe('recoverCode keeps the body', () => {
  it('keeps every non-white-space character in order, apart from fence markers and stray backticks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 30 }), (parts) => {
        const body = parts.join(' ');
        const { segments, removed } = recoverCode(body);
        for (const r of removed)
          expect(r.text === STRAY_BACKTICK || new RegExp(`^${FENCE_MARKER.source}$`).test(r.text)).toEqual(
            true,
          );
        expect(segmentInk(segments)).toEqual(ink(withoutRemovals(body, removed)));
      }),
      { numRuns: 600, seed: 1313 },
    );
  });

  it('keeps every non-white-space character of bodies with plist and XML pieces in order (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, plistPiece, fc.string({ maxLength: 8 })), { maxLength: 40 }),
        fc.boolean(),
        (parts, escape) => {
          const plain = parts.join(' ');
          const body = escape ? escaped(plain) : plain;
          const { segments, removed } = recoverCode(body);
          expect(segmentInk(segments)).toEqual(ink(withoutRemovals(body, removed)));
          for (const s of segments)
            if (s.kind === 'code') expect(s.lines.every((l) => l.trim() !== '')).toEqual(true);
        },
      ),
      { numRuns: 600, seed: 1313 },
    );
  });

  it('keeps every non-white-space character of Objective-C- and C-like bodies in order (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(cPiece, fc.string({ maxLength: 8 })), { maxLength: 30 }), (parts) => {
        const body = parts.join(' ');
        const { segments, removed } = recoverCode(body);
        expect(segmentInk(segments)).toEqual(ink(withoutRemovals(body, removed)));
        // No block has an empty line.
        for (const s of segments)
          if (s.kind === 'code') expect(s.lines.every((l) => l.trim() !== '')).toEqual(true);
      }),
      { numRuns: 600, seed: 1313 },
    );
  });

  it('leaves prose made of brackets, semicolons, "- (" bullets and lone code words as one paragraph (seeded)', () => {
    const prosePiece = fc.constantFrom(
      'The tunnel starts; the DNS settings apply;',
      'Calling [NEHotspotHelper supportedNetworkInterfaces] returns nil',
      '[VoIP Telephone] --Call to iPhone(Phoneapp)--> [PBX]',
      '- (optional) enable on-demand;',
      '- (Required) Reinstall the profile;',
      'we call the - (void) applyConfiguration:(NEHotspotConfiguration *) configuration completionHandler;',
      'I call setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)); before bind',
      'Use Case: VPN app;',
      'BOOL flags are fine;',
      'see https://developer.apple.com/forums/thread/1',
      'iOS 17; Xcode 15',
      'if (you can) { please help }',
      'It fails. Why?',
      '#import is in the header',
    );
    fc.assert(
      fc.property(fc.array(prosePiece, { minLength: 1, maxLength: 12 }), (parts) => {
        const body = parts.join(' ');
        expect(recoverCode(body)).toEqual({ segments: [{ kind: 'text', text: body }], removed: [] });
      }),
      { numRuns: 400, seed: 1313 },
    );
  });

  it('keeps every character of every body of the bundled dump the same way', () => {
    for (const body of DUMP_TEXT.split('\n')) {
      const { segments, removed } = recoverCode(body);
      expect(segmentInk(segments)).toEqual(ink(withoutRemovals(body, removed)));
    }
  });
});
