/** The Apple Developer Forums' search, where every thread we index lives with its replies. */
export const APPLE_FORUMS_SEARCH = 'https://developer.apple.com/forums/search';

/** The forum's search for a thread's exact title (quoted), which finds the thread itself. */
export function appleForumsSearchUrl(title: string): string {
  return `${APPLE_FORUMS_SEARCH}?q=${encodeURIComponent(`"${title}"`)}`;
}
