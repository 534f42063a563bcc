import { hash } from 'node:crypto';
import slugify from 'slugify';
import type { RawPost } from '../posts/schema';

/** A validated record with its stable identity. */
export type IdentifiedPost = RawPost & { id: string; slug: string };

/**
 * The stable id of a post: a hash of its title and body (after entity decoding and white-space folding),
 * so the same post read twice (both layouts, two dumps) gets one id, and two posts sharing a title do not.
 */
export function postId(title: string, body: string): string {
  return hash('sha256', `${title}\n${body}`, 'hex').slice(0, 12);
}

const SYMBOL_WORDS: Record<string, string> = {
  $: 'dollar',
  '%': 'percent',
  '&': 'and',
  '<': 'less',
  '>': 'greater',
  '|': 'or',
};

/**
 * The words of a title as a slug, exactly as `slugify(title, { lower, strict, trim })` gives them: a fast
 * path for printable ASCII titles (most of them; a test pins the equivalence), slugify for the rest.
 */
export function titleSlugWords(title: string): string {
  if (!/^[\x20-\x7e]*$/.test(title)) return slugify(title, { lower: true, strict: true, trim: true });
  return title
    .replace(/[$%&<>|]/g, (c) => SYMBOL_WORDS[c]!)
    .replace(/[^A-Za-z0-9 -]/g, '')
    .replace(/[ -]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** A readable, unique, stable slug: the title's words (at most 60 characters), then the id's first 6 hex digits. */
export function postSlug(title: string, id: string): string {
  const words = titleSlugWords(title);
  let base = words.length > 60 ? words.slice(0, 60).replace(/-[^-]*$/, '') : words;
  base = base.replace(/^-+|-+$/g, '');
  return `${base || 'post'}-${id.slice(0, 6)}`;
}

/** Give a validated record its id and slug. */
export function identify(post: RawPost): IdentifiedPost {
  const id = postId(post.title, post.body);
  // Property by property: V8 builds this several times faster than `{ ...post, id, slug }`.
  return {
    title: post.title,
    body: post.body,
    replies: post.replies,
    boosts: post.boosts,
    views: post.views,
    activity: post.activity,
    created: post.created,
    forums: post.forums,
    source: post.source,
    threadId: post.threadId,
    id,
    slug: postSlug(post.title, id),
  };
}
