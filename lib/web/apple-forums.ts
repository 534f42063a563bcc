/** The Apple Developer Forums' search, where every thread we index lives with its replies. */
export const APPLE_FORUMS_SEARCH = 'https://developer.apple.com/forums/search';

/** Where the forum's threads live: a thread is `${APPLE_FORUMS_THREAD}/<id>`. */
export const APPLE_FORUMS_THREAD = 'https://developer.apple.com/forums/thread';

/** The forum's search for a thread's exact title (quoted), which finds the thread itself. */
export function appleForumsSearchUrl(title: string): string {
  return `${APPLE_FORUMS_SEARCH}?q=${encodeURIComponent(`"${title}"`)}`;
}

/** A thread on the forum, by its id (digits, as the schema holds it). */
export function appleForumsThreadUrl(threadId: string): string {
  return `${APPLE_FORUMS_THREAD}/${encodeURIComponent(threadId)}`;
}
