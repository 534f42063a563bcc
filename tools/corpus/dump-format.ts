import { chance, type Rng } from './prng';
import type { SyntheticPost } from './synthetic-post';

/** The two record layouts of a forum dump (see GUIDE §1). */
export const LAYOUTS = ['compact', 'labelled'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const TAG = 'Network Extension';
const DESCRIPTION =
  'Customize and extend the core networking features of iOS, iPad OS, and macOS using Network Extension.';

/** A count as the live forum writes it: `265`, or `3.3k` / `12k` from a thousand up (most of the time). */
export function formatCount(n: number, rng: Rng): string {
  if (n < 1000 || !chance(rng, 0.7)) return String(n);
  const k = n / 1000;
  return `${k >= 100 ? Math.round(k) : k.toFixed(1).replace(/\.0$/, '')}k`;
}

/** The header a capture starts with: tag, RSS line, description, post count and column names, blank-separated. */
export function headerLines(postCount: string): string[] {
  const lines = [TAG, 'RSS for tag', DESCRIPTION, `Posts under ${TAG} tag`, `${postCount} Posts`];
  lines.push('Post', 'Replies', 'Boosts', 'Views', 'Activity');
  return lines.flatMap((line) => [line, '']);
}

/**
 * Text as a layout writes it: the labelled layout escapes `&`, `<` and `>`; the compact one writes them raw,
 * except `<private>`, which both write as `&lt;private&gt;` (as the real capture does). Both decode to the same text.
 */
export function encodeText(text: string, layout: Layout): string {
  if (layout === 'labelled')
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return text.replaceAll('<private>', '&lt;private&gt;');
}

/** The lines of one record in a layout. */
export function recordLines(post: SyntheticPost, layout: Layout, rng: Rng): string[] {
  const title = encodeText(post.title, layout);
  const body = encodeText(post.body, layout);
  const replies = formatCount(post.replies, rng);
  const boosts = formatCount(post.boosts, rng);
  const views = formatCount(post.views, rng);
  if (layout === 'compact') return [title, body, replies, boosts, views, post.activity];
  return [title, body, 'Replies', replies, 'Boosts', boosts, 'Views', views, 'Activity', post.activity];
}
