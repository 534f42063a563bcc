import type { Post } from './schema';

/**
 * The posts of an index after an upsert: each of `changes` takes the place of the post with its id, the others
 * come after the rest, in their order (as one ingest of everything orders them: first read first).
 */
export function upsertById(posts: readonly Post[], changes: readonly Post[]): Post[] {
  const all = [...posts];
  const at = new Map(all.map((post, i) => [post.id, i]));
  for (const post of changes) {
    const i = at.get(post.id);
    if (i === undefined) at.set(post.id, all.push(post) - 1);
    else all[i] = post;
  }
  return all;
}
