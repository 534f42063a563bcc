import { describe, expect, it } from 'vitest';
import { renderPostBody } from '@/lib/markdown/render';
import { highlightParam, highlightQuery, parseHighlightParam } from '@/lib/search/highlight-query';
import { parseQuery } from '@/lib/search/query';
import { highlightRenderedHtml, numberMatches } from '@/lib/web/highlight-rendered-html';

/** The highlight a thread page reads from the `?hl=` of a hit for query `q`. */
const hl = (q: string, matched: string[] = []) =>
  parseHighlightParam(highlightParam(highlightQuery(parseQuery(q), matched)));
import { withIdentifierBreaks } from '@/lib/web/identifier-breaks-html';

describe('highlightRenderedHtml', () => {
  it('marks matches in text only, never inside tags or attribute values', () => {
    const html = '<p>TLS error <a href="https://x/tls?a=1&amp;b=%3E">tls link</a> &amp; &lt;tls&gt;</p>';
    expect(highlightRenderedHtml(html, hl('tls'))).toEqual(
      '<p><mark>TLS</mark> error <a href="https://x/tls?a=1&amp;b=%3E"><mark>tls</mark> link</a> &amp; &lt;<mark>tls</mark>&gt;</p>',
    );
  });

  it('keeps a quoted attribute holding ">" inside its tag', () => {
    expect(highlightRenderedHtml('<a title="x > tls">tls</a>', hl('tls'))).toEqual(
      '<a title="x > tls"><mark>tls</mark></a>',
    );
  });

  it('cannot turn escaped markup in a post into elements', () => {
    const html = renderPostBody('Look <script>alert(1)</script> <img src=x onerror=alert(2)> script img');
    const out = highlightRenderedHtml(html, hl('script img onerror'));
    expect({
      script: out.includes('<script'),
      img: out.includes('<img'),
      marked: out.includes('<mark>script</mark>'),
    }).toEqual({ script: false, img: false, marked: true });
  });

  it('returns the HTML untouched without terms', () => {
    expect(highlightRenderedHtml('<p>a &amp; b</p>', hl(''))).toEqual('<p>a &amp; b</p>');
  });
});

describe('the thread page marks with the snippet rule', () => {
  it('marks NWProtocolTLS.Options and not NWProtocolTCP.Options in a rendered post', () => {
    const html = renderPostBody(
      'Set `NWProtocolTCP.Options` first, then:\n\n```swift\nlet tls = NWProtocolTLS.Options()\n```\n\nOptions matter.',
    );
    const matched = ['nwprotocoltls.options', 'nwprotocoltcp.options', 'options'];
    expect(numberMatches(highlightRenderedHtml(html, hl('NWProtocolTLS.Options', matched)))).toEqual({
      html: html.replace(
        '<span class="hljs-type">NWProtocolTLS</span>.<span class="hljs-type">Options</span>',
        '<span class="hljs-type"><mark id="match-1">NWProtocolTLS</mark></span><mark class="continued">.</mark><span class="hljs-type"><mark class="continued">Options</mark></span>',
      ),
      count: 1,
    });
    expect(html).toContain(
      '<span class="hljs-type">NWProtocolTLS</span>.<span class="hljs-type">Options</span>',
    );
  });

  it('never runs words together across block tags', () => {
    expect(
      highlightRenderedHtml('<p>Use NWProtocolTLS</p><p>Options too</p>', hl('NWProtocolTLS.Options')),
    ).toEqual('<p>Use NWProtocolTLS</p><p>Options too</p>');
  });

  it('marks a domain\'s code only after its domain, not a list\'s numbers nor every "code"', () => {
    const html = renderPostBody(
      'The code fails with OSSystemExtensionErrorDomain error 1.\n\n1. Install\n2. Activate: code 1 again',
    );
    const out = highlightRenderedHtml(html, hl('OSSystemExtensionErrorDomain code 1', ['code', '1']));
    expect(out).toEqual(
      html.replace(
        'OSSystemExtensionErrorDomain error 1',
        '<mark>OSSystemExtensionErrorDomain error 1</mark>',
      ),
    );
    expect(out.match(/<mark>/g)?.length).toEqual(1);
  });

  it('reads an old ?hl= of bare words as plain words', () => {
    expect(parseHighlightParam('tls 9836 NWProtocolTLS.Options')).toEqual({
      words: ['tls', '9836', 'nwprotocoltls.options'],
      phrases: [],
      domainCodes: [],
    });
  });
});

describe('numberMatches', () => {
  it('gives each mark its id in order and counts them', () => {
    expect(numberMatches('<p><mark>a</mark> b <mark>a</mark></p>')).toEqual({
      html: '<p><mark id="match-1">a</mark> b <mark id="match-2">a</mark></p>',
      count: 2,
    });
    expect(numberMatches('<p>none</p>')).toEqual({ html: '<p>none</p>', count: 0 });
  });
});

describe('withIdentifierBreaks', () => {
  it('adds <wbr> at the word boundaries of long identifiers outside <pre>, and nowhere else', () => {
    expect(
      withIdentifierBreaks(
        '<p>Use <code>sec_protocol_options_set</code> or <mark>NETransparentProxyProvider</mark>, short &lt;private&gt;</p><pre><code>sec_protocol_options_set</code></pre>',
      ),
    ).toEqual(
      '<p>Use <code>sec_<wbr>protocol_<wbr>options_<wbr>set</code> or <mark>NE<wbr>Transparent<wbr>Proxy<wbr>Provider</mark>, short &lt;private&gt;</p><pre><code>sec_protocol_options_set</code></pre>',
    );
  });
});
