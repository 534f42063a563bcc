import { FORUM_KINDS, type ForumKind } from '../posts/schema';
import type { ForumCount } from './types';

/**
 * The forums of an index, from thread counts per forum name and the kinds each name was seen as: most threads
 * first, then by name; each forum's kinds in FORUM_KINDS order (tag, subtopic, topic, event). Both engines build
 * their `forums()` answer here.
 */
export function forumCounts(
  counts: Readonly<Record<string, number>>,
  kindsOf: (name: string) => Iterable<ForumKind>,
): ForumCount[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => {
      const seen = new Set(kindsOf(name));
      return { name, kinds: FORUM_KINDS.filter((k) => seen.has(k)), count };
    })
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** How a forum and its kind are written in one index value: `tag:Network Extension` (a kind has no colon). */
export const forumKey = (kind: ForumKind, name: string) => `${kind}:${name}`;

/** A forum key read back (`tag:Network Extension` → tag, Network Extension), or null for anything else. */
export function readForumKey(key: string): { kind: ForumKind; name: string } | null {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  if (at < 1 || !(FORUM_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as ForumKind, name: key.slice(at + 1) };
}
