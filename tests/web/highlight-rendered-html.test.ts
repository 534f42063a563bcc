import { describe, expect, it } from 'vitest';
import { renderPostBody } from '@/lib/markdown/render';
import { highlightRenderedHtml, numberMatches, parseHighlightTerms } from '@/lib/web/highlight-rendered-html';
import { withIdentifierBreaks } from '@/lib/web/identifier-breaks-html';

describe('highlightRenderedHtml', () => {
  it('marks matches in text only, never inside tags or attribute values', () => {
    const html = '<p>TLS error <a href="https://x/tls?a=1&amp;b=%3E">tls link</a> &amp; &lt;tls&gt;</p>';
    expect(highlightRenderedHtml(html, ['tls'])).toEqual(
      '<p><mark>TLS</mark> error <a href="https://x/tls?a=1&amp;b=%3E"><mark>tls</mark> link</a> &amp; &lt;<mark>tls</mark>&gt;</p>',
    );
  });

  it('keeps a quoted attribute holding ">" inside its tag', () => {
    expect(highlightRenderedHtml('<a title="x > tls">tls</a>', ['tls'])).toEqual(
      '<a title="x > tls"><mark>tls</mark></a>',
    );
  });

  it('cannot turn escaped markup in a post into elements', () => {
    const html = renderPostBody('Look <script>alert(1)</script> <img src=x onerror=alert(2)> script img');
    const out = highlightRenderedHtml(html, ['script', 'img', 'onerror']);
    expect({
      script: out.includes('<script'),
      img: out.includes('<img'),
      marked: out.includes('<mark>script</mark>'),
    }).toEqual({ script: false, img: false, marked: true });
  });

  it('returns the HTML untouched without terms', () => {
    expect(highlightRenderedHtml('<p>a &amp; b</p>', [])).toEqual('<p>a &amp; b</p>');
  });
});

describe('parseHighlightTerms', () => {
  it('splits, lowercases, deduplicates and bounds the ?hl= terms', () => {
    expect(parseHighlightTerms('TLS 9836 tls <b> NWProtocolTLS.Options x')).toEqual([
      'tls',
      '9836',
      'nwprotocoltls.options',
    ]);
    expect(parseHighlightTerms(['a1', 'b2'])).toEqual(['a1', 'b2']);
    expect(parseHighlightTerms(undefined)).toEqual([]);
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
