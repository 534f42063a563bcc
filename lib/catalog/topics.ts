import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { ContentError } from '../errors';

/** Topics with no `order` in their front matter sort after every topic that has one. */
const DEFAULT_ORDER = 1000;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The front matter of one `content/topics/<slug>.md` file; unknown fields are rejected to catch typos. */
export const TopicFrontMatter = z.strictObject({
  /** Display name: "Packet tunnel & VPN". */
  name: z.string().trim().min(1, 'empty name'),
  /** One sentence for lists and meta descriptions. */
  description: z.string().trim().min(1, 'empty description'),
  /** API symbols that signal the topic; a trailing `*` matches by prefix (`sec_protocol_*`). */
  apiClasses: z.array(z.string().trim().min(1, 'empty API symbol')),
  /** Lowercase words or phrases that signal the topic; a trailing `*` matches by prefix (`tunnel*`). */
  keywords: z.array(
    z
      .string()
      .trim()
      .min(1, 'empty keyword')
      .refine((k) => k === k.toLowerCase(), 'keywords must be lowercase')
      .refine((k) => /^[\p{L}\p{N}]/u.test(k), 'keywords must start with a letter or digit'),
  ),
  /** Display order, ascending. */
  order: z.number().int().default(DEFAULT_ORDER),
  /** Multiplies the topic's score when ranking; below 1 for topics whose words appear in posts about anything. */
  weight: z.number().positive().max(1).default(1),
  /** The topic the classifier falls back to when a post signals none (at most one topic should set it). */
  fallback: z.boolean().default(false),
});
export type TopicFrontMatter = z.infer<typeof TopicFrontMatter>;

/** A topic of the taxonomy: its front matter, its slug (the file name) and its Markdown body. */
export const Topic = TopicFrontMatter.extend({
  slug: z.string().regex(SLUG, 'slug must be lowercase words joined by hyphens'),
  bodyMarkdown: z.string().trim().min(1, 'empty body'),
});
export type Topic = z.infer<typeof Topic>;

/** A topic file that cannot be read or whose front matter or body is invalid: names the file and the field. */
function topicFileError(file: string, field: string, detail: string): ContentError {
  return new ContentError(`${file}: field "${field}": ${detail}`);
}

const cache = new Map<string, Topic[]>();

/** Parse and validate one topic file; throws ContentError naming the file and the first bad field. */
function readTopicFile(file: string): Topic {
  const slug = path.basename(file, '.md');
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's global cache, which would keep a file that failed to parse.
    parsed = matter(fs.readFileSync(/* turbopackIgnore: true */ file, 'utf8'), {});
  } catch (err) {
    throw topicFileError(file, 'front matter', err instanceof Error ? err.message : String(err));
  }
  const result = Topic.safeParse({ ...parsed.data, slug, bodyMarkdown: parsed.content });
  if (!result.success) {
    const issue = result.error.issues[0];
    const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.join(', ') : '';
    const field = issue?.path.length ? issue.path.join('.') : keys || '(root)';
    throw topicFileError(file, field, issue?.message ?? 'invalid');
  }
  return result.data;
}

/** Load every `*.md` topic in `dir` (default `content/topics`), sorted by order then name; cached per directory. */
export function loadTopics(
  dir: string = path.join(/* turbopackIgnore: true */ process.cwd(), 'content', 'topics'),
): Topic[] {
  const key = path.resolve(/* turbopackIgnore: true */ dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const files = fs
    .readdirSync(/* turbopackIgnore: true */ key)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const topics = files
    .map((f) => readTopicFile(path.join(/* turbopackIgnore: true */ key, f)))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en'));
  cache.set(key, topics);
  return topics;
}

/** The topic with this slug, or undefined. */
export function topicBySlug(topics: readonly Topic[], slug: string): Topic | undefined {
  return topics.find((t) => t.slug === slug);
}
