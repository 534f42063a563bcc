import type { Element, ElementContent, Text } from 'hast';
import type { Html, Parents } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { recoverCode } from './recover/recover-code';
import { segmentsToMarkdown } from './recover/to-markdown';

/** Containers whose children are blocks: raw HTML there becomes a paragraph of text. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Raw HTML in markdown is shown as the text it is, never as elements. */
function htmlAsText(_state: unknown, node: Html, parent: Parents | undefined): Text | Element {
  const text: Text = { type: 'text', value: node.value };
  if (parent && !BLOCK_PARENTS.has(parent.type)) return text;
  const children: ElementContent[] = [text];
  return { type: 'element', tagName: 'p', properties: {}, children };
}

/**
 * The one pipeline: markdown → GFM → hast (raw HTML as text) → sanitize → highlight → HTML.
 * Highlighting runs after the sanitizer on its output only, and writes `hljs-*` classes, never `style=`, so
 * code is coloured by the stylesheet; logs and plain text are left as they are, and nothing is guessed.
 * Only footnotes create ids and remark-rehype already prefixes them with `user-content-`, so the sanitizer must not
 * prefix them a second time (that would break the footnote links).
 */
const processor = remark()
  .use(remarkGfm)
  .use(remarkRehype, { handlers: { html: htmlAsText } })
  .use(rehypeSanitize, { ...defaultSchema, clobber: [] })
  .use(rehypeHighlight, { detect: false, plainText: ['log', 'plaintext', 'text', 'txt'] })
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
  .freeze();

/** Escape every `>` that is text rather than the end of a tag, so `<private>` comes out as `&lt;private&gt;`. */
function escapeTextGreaterThan(html: string): string {
  let out = '';
  let inTag = false;
  let quote = '';
  for (const ch of html) {
    if (inTag) {
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else if (ch === '>') {
        inTag = false;
      }
      out += ch;
    } else if (ch === '<') {
      inTag = true;
      out += ch;
    } else {
      out += ch === '>' ? '&gt;' : ch;
    }
  }
  return out;
}

/** Render markdown to sanitized HTML: raw HTML is escaped, unsafe links are dropped. */
export function renderMarkdown(markdown: string): string {
  return escapeTextGreaterThan(String(processor.processSync(markdown))).trim();
}

/** Render a forum post body: recover the code, logs and JSON the forum flattened, then render as markdown. */
export function renderPostBody(body: string): string {
  return renderMarkdown(segmentsToMarkdown(recoverCode(body).segments));
}
