import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderPostBody } from '@/lib/markdown/render';
import { dumpBodiesOf as bodiesOf } from '../helpers/fixtures';

describe('renderMarkdown', () => {
  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    ['[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['![i](javascript:x)', '<p><img alt="i"></p>'],
    ['[a][1]\n\n[1]: vbscript:msgbox', '<p><a>a</a></p>'],
    [
      '<a href="https://x.y" onclick="e()">t</a>',
      '<p>&lt;a href="https://x.y" onclick="e()"&gt;t&lt;/a&gt;</p>',
    ],
    ['<div onclick=x>\nblock\n</div>', '<p>&lt;div onclick=x&gt;\nblock\n&lt;/div&gt;</p>'],
    ['<!-- c -->', '<p>&lt;!-- c --&gt;</p>'],
  ])('renders %j inert', (markdown, html) => {
    expect(renderMarkdown(markdown)).toEqual(html);
  });

  it('shows <private> and its escaped form as the same text', () => {
    expect(renderMarkdown('see <private> here')).toEqual('<p>see &lt;private&gt; here</p>');
    expect(renderMarkdown('see &lt;private&gt; here')).toEqual('<p>see &lt;private&gt; here</p>');
  });

  it('escapes text but keeps a > inside a quoted attribute', () => {
    expect(renderMarkdown('[ok](https://developer.apple.com/x?a=1&b=2 "t>i") a > b & `<x>`')).toEqual(
      '<p><a href="https://developer.apple.com/x?a=1&amp;b=2" title="t>i">ok</a> a &gt; b &amp; <code>&lt;x&gt;</code></p>',
    );
  });

  it('renders GFM: strikethrough, autolinks and tables', () => {
    expect(renderMarkdown('~~gone~~ and https://example.com')).toEqual(
      '<p><del>gone</del> and <a href="https://example.com">https://example.com</a></p>',
    );
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toEqual(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('keeps footnote links pointing at their targets', () => {
    const html = renderMarkdown('x[^1]\n\n[^1]: note');
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toContain('<a href="#user-content-fnref-1"');
  });
});

describe('renderPostBody', () => {
  it('renders a recovered fence as a highlighted code block between paragraphs, with classes only', () => {
    expect(renderPostBody('Before ```swift let x = 1 print(x)``` after')).toEqual(
      '<p>Before</p>\n<pre><code class="hljs language-swift"><span class="hljs-keyword">let</span> x <span class="hljs-operator">=</span> <span class="hljs-number">1</span>\n<span class="hljs-built_in">print</span>(x)\n</code></pre>\n<p>after</p>',
    );
  });

  it('renders recovered Objective-C outside any fence as an objectivec block between paragraphs, with classes only', () => {
    expect(
      renderPostBody(
        'Header: #import <Foundation/Foundation.h> @interface Probe : NSObject - (void)start; @end Thanks.',
      ),
    ).toEqual(
      '<p>Header:</p>\n<pre><code class="hljs language-objectivec"><span class="hljs-meta">#import <span class="hljs-string">&lt;Foundation/Foundation.h&gt;</span></span>\n<span class="hljs-class"><span class="hljs-keyword">@interface</span> <span class="hljs-title">Probe</span> : <span class="hljs-title">NSObject</span></span>\n- (<span class="hljs-type">void</span>)start;\n<span class="hljs-keyword">@end</span>\n</code></pre>\n<p>Thanks.</p>',
    );
  });

  it('renders the IP_RECVIF post as its sentence, a C block of its two statements, the rest of its prose', () => {
    const [body] = bodiesOf('Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider');
    const html = renderPostBody(body!);
    expect(html.startsWith("<p>Hi! I've noticed that the IP_RECVIF socket option, i.e.:</p>\n")).toEqual(
      true,
    );
    expect(
      [...html.matchAll(/<pre><code class="([^"]+)">([\s\S]*?)<\/code><\/pre>/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      [
        'hljs language-c',
        '<span class="hljs-type">int</span> y = <span class="hljs-number">1</span>;\nsetsockopt(fd, IPPROTO_IP, IP_RECVIF, &amp;y, <span class="hljs-keyword">sizeof</span>(y));\n',
      ],
    ]);
    expect(html).toContain('</pre>\n<p>does not seem to work if the socket is proxied');
    expect(html).not.toContain('style=');
  });

  it('keeps the applyConfiguration declaration of "wifi connect fail" in its paragraph', () => {
    const [body] = bodiesOf('wifi connect fail');
    const html = renderPostBody(body!);
    expect(html).not.toContain('<pre>');
    expect(html).toContain(
      'we will call the - (void) applyConfiguration:(NEHotspotConfiguration *) configuration',
    );
  });

  it('renders the system extension post as prose and three blocks: Swift, the log, Swift, no literal fence', () => {
    const [body] = bodiesOf('NE System Extension stuck on Validation By Category');
    const html = renderPostBody(body!);
    expect(html.startsWith("<p>Hello, I'm having some problems")).toEqual(true);
    expect([...html.matchAll(/<pre><code class="([^"]+)">/g)].map((m) => m[1])).toEqual([
      'hljs language-swift',
      'language-log',
      'hljs language-swift',
    ]);
    expect(html).not.toContain('```');
    expect(html).not.toContain('style=');
    expect(html).toContain(
      '22:00:13.818336 sysextd Extension with identifier &lt;private&gt; reached state &lt;private&gt;\n',
    );
    expect(html).not.toContain('<private>');
  });

  it('renders a body with raw <private> and its entity-escaped copy identically', () => {
    const [raw] = bodiesOf('NE System Extension stuck on Validation By Category');
    const escaped = raw!.replaceAll('<private>', '&lt;private&gt;');
    expect(escaped).not.toEqual(raw);
    expect(renderPostBody(escaped)).toEqual(renderPostBody(raw!));
  });

  it('renders the dasd log of the BGAppRefreshTask post one entry a line, its entities as text', () => {
    const [body] = bodiesOf('BGAppRefreshTask Canceled Immediately by dasd in Network Extension');
    const html = renderPostBody(body!);
    expect(html).toContain(
      'on &lt;LSApplicationRecord 0x724844650&gt;\ndefault 22:09:37.955563-0700 dasd CANCELED',
    );
    expect(html).toContain('at priority 10 &lt;private&gt;!\n</code></pre>');
  });
});

describe('renderPostBody on a flattened property list', () => {
  const body =
    'Entitlements: <dict> <key>a</key> <true/> <!-- c --> <key>b</key> <string>x</string> </dict> thanks';

  it('renders it as an xml block highlighted with hljs classes between its paragraphs', () => {
    const tag = (name: string, close = '', empty = '') =>
      `<span class="hljs-tag">&lt;${close}<span class="hljs-name">${name}</span>${empty}&gt;</span>`;
    expect(renderPostBody(body)).toEqual(
      '<p>Entitlements:</p>\n<pre><code class="hljs language-xml">' +
        `${tag('dict')}\n` +
        `  ${tag('key')}a${tag('key', '/')}\n` +
        `  ${tag('true', '', '/')}\n` +
        '  <span class="hljs-comment">&lt;!-- c --&gt;</span>\n' +
        `  ${tag('key')}b${tag('key', '/')}\n` +
        `  ${tag('string')}x${tag('string', '/')}\n` +
        `${tag('dict', '/')}\n` +
        '</code></pre>\n<p>thanks</p>',
    );
  });

  it('renders its entity-escaped copy (the labelled layout) identically, with no style=', () => {
    const copy = body.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    expect(renderPostBody(copy)).toEqual(renderPostBody(body));
    expect(renderPostBody(copy)).not.toContain('style=');
  });
});

describe('lib/markdown/render public surface', () => {
  it('exports exactly these names', async () => {
    expect(Object.keys(await import('@/lib/markdown/render')).sort()).toEqual([
      'renderMarkdown',
      'renderPostBody',
    ]);
  });
});
