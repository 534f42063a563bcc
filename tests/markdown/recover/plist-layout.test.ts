import { describe, expect, it } from 'vitest';
import { decodeHTML } from 'entities';
import { recoverCode } from '@/lib/markdown/recover/recover-code';
import { findPlistRun } from '@/lib/markdown/recover/plist-layout';

/** The labelled layout's copy of a body: `<`, `>` and `&` written as entities. */
const escaped = (body: string) =>
  body.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The segments of a recovered body, the code lines entities decoded (the layouts differ only in escaping). */
const decodedSegments = (body: string) =>
  recoverCode(body).segments.map((s) =>
    s.kind === 'code' ? { ...s, lines: s.lines.map((l) => decodeHTML(l)) } : s,
  );

const NETWORK_EXTENSION_POST =
  'Info.plist has <?xml version="1.0" encoding="UTF-8"?> <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd"> <plist version="1.0"> <dict> <key>NetworkExtension</key> <dict> <key>NEMachServiceName</key> <string>$(TeamIdentifierPrefix)com.example.app.tunnel</string> <key>NEProviderClasses</key> <dict> <key>com.apple.networkextension.packet-tunnel</key> <string>$(PRODUCT_MODULE_NAME).PacketTunnelProvider</string> </dict> </dict> </dict> </plist> but the extension never starts.';

const NETWORK_EXTENSION_SEGMENTS = [
  { kind: 'text', text: 'Info.plist has' },
  {
    kind: 'code',
    lang: 'xml',
    lines: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
      '<plist version="1.0">',
      '  <dict>',
      '    <key>NetworkExtension</key>',
      '    <dict>',
      '      <key>NEMachServiceName</key>',
      '      <string>$(TeamIdentifierPrefix)com.example.app.tunnel</string>',
      '      <key>NEProviderClasses</key>',
      '      <dict>',
      '        <key>com.apple.networkextension.packet-tunnel</key>',
      '        <string>$(PRODUCT_MODULE_NAME).PacketTunnelProvider</string>',
      '      </dict>',
      '    </dict>',
      '  </dict>',
      '</plist>',
    ],
  },
  { kind: 'text', text: 'but the extension never starts.' },
];

describe('recoverCode on property lists outside fences', () => {
  it('lays out a flattened Info.plist between its two sentences, one element a line, two spaces a level', () => {
    expect(recoverCode(NETWORK_EXTENSION_POST)).toEqual({
      segments: NETWORK_EXTENSION_SEGMENTS,
      removed: [],
    });
  });

  it('lays out the entity-escaped copy (the labelled layout) as the same block', () => {
    const body = escaped(NETWORK_EXTENSION_POST);
    expect(body).toContain('&lt;key&gt;NetworkExtension&lt;/key&gt;');
    expect(decodedSegments(body)).toEqual(NETWORK_EXTENSION_SEGMENTS);
    expect(recoverCode(body).segments[1]).toMatchObject({
      lines: { 4: '    &lt;key&gt;NetworkExtension&lt;/key&gt;' },
    });
  });

  it('reads &quot; for the quotes of an escaped layout’s attributes', () => {
    expect(
      decodedSegments(
        'x &lt;plist version=&quot;1.0&quot;&gt; &lt;dict&gt; &lt;key&gt;a&lt;/key&gt; &lt;true/&gt; &lt;/dict&gt; &lt;/plist&gt; y',
      ),
    ).toEqual([
      { kind: 'text', text: 'x' },
      {
        kind: 'code',
        lang: 'xml',
        lines: [
          '<plist version="1.0">',
          '  <dict>',
          '    <key>a</key>',
          '    <true/>',
          '  </dict>',
          '</plist>',
        ],
      },
      { kind: 'text', text: 'y' },
    ]);
  });

  it('puts arrays, empty elements and comments on lines of their own, nested by depth', () => {
    const body =
      'The entitlements: <dict> <!-- the VPN kinds --> <key>com.apple.developer.networking.networkextension</key> <array> <string>packet-tunnel-provider</string> <string>app-proxy-provider</string> </array> <key>com.apple.security.app-sandbox</key> <true/> <key>Port</key> <integer>1</integer> <key>Empty</key> <array/> </dict> Is that right?';
    expect(recoverCode(body).segments).toEqual([
      { kind: 'text', text: 'The entitlements:' },
      {
        kind: 'code',
        lang: 'xml',
        lines: [
          '<dict>',
          '  <!-- the VPN kinds -->',
          '  <key>com.apple.developer.networking.networkextension</key>',
          '  <array>',
          '    <string>packet-tunnel-provider</string>',
          '    <string>app-proxy-provider</string>',
          '  </array>',
          '  <key>com.apple.security.app-sandbox</key>',
          '  <true/>',
          '  <key>Port</key>',
          '  <integer>1</integer>',
          '  <key>Empty</key>',
          '  <array/>',
          '</dict>',
        ],
      },
      { kind: 'text', text: 'Is that right?' },
    ]);
  });

  it('keeps a <dict> nested in a <plist> that never closes as its own block', () => {
    expect(
      recoverCode('My plist: <plist> <dict> <key>A</key> <string>b c</string> </dict> and then nothing.')
        .segments,
    ).toEqual([
      { kind: 'text', text: 'My plist: <plist>' },
      { kind: 'code', lang: 'xml', lines: ['<dict>', '  <key>A</key>', '  <string>b c</string>', '</dict>'] },
      { kind: 'text', text: 'and then nothing.' },
    ]);
  });

  it('reads &lt;b&gt; inside a plain <string> as text, not as a tag', () => {
    expect(findPlistRun('<dict> <key>k</key> <string>&lt;b&gt; x</string> </dict>', 0)?.lines).toEqual([
      '<dict>',
      '  <key>k</key>',
      '  <string>&lt;b&gt; x</string>',
      '</dict>',
    ]);
  });

  it('pretty-prints a ```plist fence that holds one property list, and keeps any other ```xml fence one line', () => {
    expect(
      recoverCode('Mine: ```plist <plist> <dict> <key>A</key> <false/> </dict> </plist> ``` ok').segments,
    ).toEqual([
      { kind: 'text', text: 'Mine:' },
      {
        kind: 'code',
        lang: 'xml',
        lines: ['<plist>', '  <dict>', '    <key>A</key>', '    <false/>', '  </dict>', '</plist>'],
      },
      { kind: 'text', text: 'ok' },
    ]);
    expect(recoverCode('```xml <a> <b>x</b> </c> ```').segments).toEqual([
      { kind: 'code', lang: 'xml', lines: ['<a> <b>x</b> </c>'] },
    ]);
    expect(recoverCode('```xml see <dict> <key>A</key> </dict> ```').segments).toEqual([
      { kind: 'code', lang: 'xml', lines: ['see <dict> <key>A</key> </dict>'] },
    ]);
  });

  it('leaves unbalanced, unclosed, mixed and HTML-ish markup as prose', () => {
    for (const body of [
      'Set the <key> NEMachServiceName in the plist.',
      'It has <dict> <key>A</key> <string>b</string> and nothing closes it.',
      'use <b>bold</b> for <i>emphasis</i>',
      'a <dict> <key>A</key> <string>b</string> </array> </dict> b',
      'a <plist> <dict> <key>A</key> <string>b</string> </plist> </dict> b',
      'a <dict> <key>A</key> some words <string>b</string> </dict> b',
      'a <dict> <string>b</string> </dict> b',
      'the <?xml version="1.0"?> header is missing its root',
      'a <!DOCTYPE plist> <dict> <key>A</key> </string> b',
      'a &lt;dict&gt; &lt;key&gt;A&lt;/key&gt; b',
      'a <dict> <key>A</key> <!-- never closed </dict> b',
    ]) {
      expect(recoverCode(body)).toEqual({ segments: [{ kind: 'text', text: body }], removed: [] });
    }
  });

  it('leaves a <key> nested in a dict that never closes, the text after it kept', () => {
    const body = `${'<dict> <key>a</key> '.repeat(3)} done`;
    expect(recoverCode(body)).toEqual({ segments: [{ kind: 'text', text: body.trim() }], removed: [] });
  });
});
