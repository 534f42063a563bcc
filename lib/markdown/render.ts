import type { Element, ElementContent, Text } from 'hast';
import type { Html, Parents } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';

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
 * The one pipeline: markdown → GFM → hast (raw HTML as text) → sanitize → HTML.
 * Only footnotes create ids and remark-rehype already prefixes them with `user-content-`, so the sanitizer must not
 * prefix them a second time (that would break the footnote links).
 */
const processor = remark()
  .use(remarkGfm)
  .use(remarkRehype, { handlers: { html: htmlAsText } })
  .use(rehypeSanitize, { ...defaultSchema, clobber: [] })
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

/** Fence info strings we trust to be a language, not the first word of the code. */
const FENCE_LANGUAGES = new Set([
  'bash', 'c', 'console', 'cpp', 'diff', 'go', 'http', 'ini', 'java', 'javascript', 'js', 'json', 'kotlin', 'log',
  'm', 'objc', 'objective-c', 'objectivec', 'plaintext', 'plist', 'python', 'rust', 'sh', 'shell', 'swift',
  'text', 'ts', 'txt', 'typescript', 'xml', 'yaml', 'zsh',
]); // prettier-ignore

const INLINE_FENCE = /```([A-Za-z][\w+-]*)?[ \t]*([\s\S]*?)```/g;
/** A log entry start: an optional level and date, then `HH:MM:SS.fraction`. */
const LOG_ENTRY =
  /\s+((?:(?:info|default|debug|error|fault)\s+)?(?:\d{4}-\d{2}-\d{2}\s+)?\d{2}:\d{2}:\d{2}\.\d+)/g;

/** Put fenced code that the forum flattened into one line back on lines of its own. */
export function recoverFencedCode(body: string): string {
  return body.replace(INLINE_FENCE, (whole, info: string | undefined, code: string) => {
    const isLanguage = info !== undefined && FENCE_LANGUAGES.has(info.toLowerCase());
    const content = (isLanguage ? code : `${info ?? ''}${whole.slice(3 + (info?.length ?? 0), -3)}`).trim();
    if (!content) return whole;
    const lang = isLanguage ? info.toLowerCase() : '';
    const lines = lang === 'log' ? content.replace(LOG_ENTRY, '\n$1') : content;
    return `\n\n\`\`\`${lang}\n${lines}\n\`\`\`\n\n`;
  });
}

/** Render a forum post body: recover flattened fenced code where it is clear, then render as markdown. */
export function renderPostBody(body: string): string {
  return renderMarkdown(recoverFencedCode(body));
}
