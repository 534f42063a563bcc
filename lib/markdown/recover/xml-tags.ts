/** A piece of XML markup in a body: a declaration, a doctype, a comment, or an element's open, close or empty tag. */
export type XmlTag = {
  start: number;
  end: number;
  kind: 'declaration' | 'doctype' | 'comment' | 'open' | 'close' | 'empty';
  /** The element's, declaration's (`xml`) or doctype's (`plist`) name; empty for a comment. */
  name: string;
};

/**
 * How a body writes markup: as it is, or (the labelled dump layout) with `<`, `>` and `"` as entities. The tags
 * of one layout are read apart from the other's, so `&lt;b&gt;` inside a plain `<string>` is text.
 */
export type XmlLayout = 'plain' | 'escaped';

const BRACKETS: Record<XmlLayout, { lt: string; gt: string; quote: string }> = {
  plain: { lt: '<', gt: '>', quote: String.raw`"[^"<>]{0,300}"|'[^'<>]{0,300}'` },
  escaped: {
    lt: '&lt;',
    gt: '&gt;',
    quote: String.raw`&quot;(?:(?!&quot;)[^"<>]){0,300}&quot;|"[^"<>]{0,300}"|'[^'<>]{0,300}'`,
  },
};

/** The longest comment read as one (a `<!--` with no `-->` within this many characters is text). */
const MAX_COMMENT = 2000;

/**
 * The tag at an opening bracket, every part bounded (names, at most 16 attributes of 300 characters, a doctype
 * of 8 parts), so a bracket that opens no tag costs a bounded look, never a read of the rest of the body.
 */
function tagPattern(layout: XmlLayout): RegExp {
  const { lt, gt, quote } = BRACKETS[layout];
  const name = String.raw`[A-Za-z_][\w.:-]{0,63}`;
  const attribute = String.raw`\s+${name}\s*=\s*(?:${quote})`;
  return new RegExp(
    `${lt}(?:` +
      String.raw`\?(${name})(?:${attribute}){0,16}\s*\?${gt}` +
      String.raw`|!DOCTYPE\s+(${name})(?:\s+(?:${name}|${quote})){0,8}\s*${gt}` +
      String.raw`|\/(${name})\s*${gt}` +
      String.raw`|(${name})(?:${attribute}){0,16}\s*(\/)?${gt})`,
    'y',
  );
}

/** The tags of text[from, to) in one layout, in order: each opening bracket is looked at once. */
export function* xmlTags(text: string, from: number, to: number, layout: XmlLayout): Generator<XmlTag> {
  const { lt, gt } = BRACKETS[layout];
  const re = tagPattern(layout);
  const bounded = text.slice(0, to);
  const commentOpen = `${lt}!--`;
  const commentClose = `--${gt}`;
  // The next comment close at or after a position: looked up again only once passed.
  let close = -2;
  let at = bounded.indexOf(lt, from);
  while (at >= 0) {
    let end = -1;
    if (bounded.startsWith(commentOpen, at)) {
      if (close !== -1 && close < at + commentOpen.length)
        close = bounded.indexOf(commentClose, at + commentOpen.length);
      if (close >= 0 && close + commentClose.length - at <= MAX_COMMENT) {
        end = close + commentClose.length;
        yield { start: at, end, kind: 'comment', name: '' };
      }
    } else {
      re.lastIndex = at;
      const m = re.exec(bounded);
      if (m) {
        end = re.lastIndex;
        const [, declaration, doctype, closing, opening, empty] = m;
        if (declaration !== undefined) yield { start: at, end, kind: 'declaration', name: declaration };
        else if (doctype !== undefined) yield { start: at, end, kind: 'doctype', name: doctype };
        else if (closing !== undefined) yield { start: at, end, kind: 'close', name: closing };
        else yield { start: at, end, kind: empty ? 'empty' : 'open', name: opening! };
      }
    }
    at = bounded.indexOf(lt, end >= 0 ? end : at + 1);
  }
}
