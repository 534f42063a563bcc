/**
 * Thread links in captures saved from the browser: a title written as a markdown link (a "copy as markdown"
 * save) or a bare thread URL on the line after the title. Only the forum's own thread URLs count:
 * `https://developer.apple.com/forums/thread/<digits>`, optionally followed by a `/slug` segment, a query or a
 * fragment (all dropped). Any other URL (another host, `http:`, `javascript:`, an id with letters) is no thread URL.
 */

/** A thread URL, its id captured; the rest of the URL (slug, query, fragment) is matched and dropped. */
const THREAD_URL =
  /^https:\/\/developer\.apple\.com\/forums\/thread\/(\d+)(?:\/[^\s/?#]*)?(?:\?[^\s#]*)?(?:#\S*)?$/;

/**
 * A title line that is a markdown link: `[link text](target)`, `\[` and `\]` escaped in the text, the target
 * without spaces, holding balanced parentheses one deep (as CommonMark allows: `javascript:alert(1)`).
 */
const MARKDOWN_LINK = /^\[((?:\\.|[^\\\]])*)\]\(((?:[^\s()]|\([^\s()]*\))*)\)$/;

/** The thread id (digits) of a forum thread URL; null for anything else. */
export function threadIdOfUrl(text: string): string | null {
  // Nearly every line read is no URL at all: a prefix check spares it the pattern.
  if (!text.startsWith('https://developer.apple.com/forums/thread/')) return null;
  return THREAD_URL.exec(text)?.[1] ?? null;
}

/** A title line read: its text, and the thread id of its link when the link is a forum thread URL. */
export type TitleLink = { title: string; threadId: string | null };

/**
 * Read a title line. A markdown link gives its text as the title (`\[`, `\]` and `\\` unescaped), whatever its
 * target, and its target's thread id when that is a forum thread URL (another target is not kept); any other
 * line is the title as it stands, with no thread id.
 */
export function readTitleLink(line: string): TitleLink {
  if (!line.startsWith('[')) return { title: line, threadId: null };
  const link = MARKDOWN_LINK.exec(line);
  if (!link) return { title: line, threadId: null };
  return { title: link[1]!.replace(/\\([[\]\\])/g, '$1'), threadId: threadIdOfUrl(link[2]!) };
}
