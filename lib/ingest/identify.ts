import { createHash } from 'node:crypto';
import slugify from 'slugify';
import type { RawPost } from '../posts/schema';

/** A validated record with its stable identity. */
export type IdentifiedPost = RawPost & { id: string; slug: string };

/**
 * The stable id of a post: a hash of its title and body (after entity decoding and white-space folding),
 * so the same post read twice (both layouts, two dumps) gets one id, and two posts sharing a title do not.
 */
export function postId(title: string, body: string): string {
  return createHash('sha256').update(`${title}\n${body}`).digest('hex').slice(0, 12);
}

/** A readable, unique, stable slug: the title's words (at most 60 characters), then the id's first 6 hex digits. */
export function postSlug(title: string, id: string): string {
  const words = slugify(title, { lower: true, strict: true, trim: true });
  let base = words.length > 60 ? words.slice(0, 60).replace(/-[^-]*$/, '') : words;
  base = base.replace(/^-+|-+$/g, '');
  return `${base || 'post'}-${id.slice(0, 6)}`;
}

/** Give a validated record its id and slug. */
export function identify(post: RawPost): IdentifiedPost {
  const id = postId(post.title, post.body);
  return { ...post, id, slug: postSlug(post.title, id) };
}
