import { CopyCodeButton } from './copy-code-button';

/** Display names of the languages code recovery writes on a block. */
const LANGUAGE_NAMES: Record<string, string> = {
  swift: 'Swift',
  objectivec: 'Objective-C',
  c: 'C',
  json: 'JSON',
  xml: 'XML',
  log: 'Log',
  plaintext: 'Text',
};

/** A rendered code block; the sanitiser escapes every `<` of text, so `</pre>` only ever closes one. */
const PRE = /<pre><code class="(?:hljs )?language-([\w-]+)">[\s\S]*?<\/pre>|<pre>[\s\S]*?<\/pre>/g;

type Part = { kind: 'prose'; html: string } | { kind: 'code'; html: string; language: string };

/** Split rendered HTML into prose and code blocks, in order. */
export function bodyParts(html: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of html.matchAll(PRE)) {
    const prose = html.slice(at, m.index).trim();
    if (prose) parts.push({ kind: 'prose', html: prose });
    parts.push({ kind: 'code', html: m[0], language: LANGUAGE_NAMES[m[1] ?? ''] ?? 'Code' });
    at = m.index + m[0].length;
  }
  const rest = html.slice(at).trim();
  if (rest) parts.push({ kind: 'prose', html: rest });
  return parts;
}

/** A thread's body: its prose, and each code block under a bar naming its language, with a Copy button. */
export function PostBody({ html }: { html: string }) {
  const parts = bodyParts(html);
  const blocks = parts.filter((p) => p.kind === 'code').length;
  let n = 0;
  return (
    <section aria-label="Question" className="post-body">
      {parts.map((part, i) =>
        part.kind === 'prose' ? (
          <div key={i} className="prose" dangerouslySetInnerHTML={{ __html: part.html }} />
        ) : (
          <div key={i} className="code-block">
            <div className="code-bar">
              <span className="code-language">{part.language}</span>
              <CopyCodeButton label={`${part.language.toLowerCase()} block ${++n} of ${blocks}`} />
            </div>
            {/* Long lines scroll inside the block (focusable, so the keyboard can scroll it too), never the page. */}
            <div
              className="code-scroll"
              tabIndex={0}
              role="region"
              aria-label={`${part.language} code, block ${n} of ${blocks}`}
              dangerouslySetInnerHTML={{ __html: part.html }}
            />
          </div>
        ),
      )}
    </section>
  );
}
