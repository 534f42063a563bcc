import type { Post } from '@/lib/posts/schema';
import { queryTokens } from '@/lib/search/tokenize';
import type { SearchEngine } from '@/lib/search/types';

/** Words too common in thread titles to say two threads are alike. */
const TITLE_STOP_WORDS = new Set(
  'a about after an and are as at be before between but by can does for from get has have how i in into is it my no not of on or the to using when why with without'.split(
    ' ',
  ),
);

/** The telling words of a title, lowercased. */
function titleWords(post: Post): Set<string> {
  return new Set(queryTokens(post.title).filter((w) => w.length > 2 && !TITLE_STOP_WORDS.has(w)));
}

/** How alike two threads' texts are: the share of `a`'s telling title words that `b`'s title or body holds, below 1. */
function textSimilarity(a: Post, b: Post): number {
  const wa = titleWords(a);
  if (wa.size === 0) return 0;
  const wb = new Set(queryTokens(`${b.title} ${b.body}`));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (0.99 * shared) / wa.size;
}

/**
 * How much two threads share, most telling first: shared error codes (100 each), then shared API classes (10
 * each), then shared topics (1 each), then how alike their texts are (below 1); 0 when nothing is shared.
 */
export function relatedScore(a: Post, b: Post): number {
  const codes = b.errorCodes.filter((c) => a.errorCodes.includes(c)).length;
  const apis = b.apiClasses.filter((x) => a.apiClasses.includes(x)).length;
  const topics = b.topics.filter((t) => a.topics.includes(t)).length;
  return codes * 100 + apis * 10 + topics + textSimilarity(a, b);
}

/** Rank candidate threads by what they share with `post` (then by views), excluding the post itself. */
export function rankRelated(post: Post, candidates: readonly Post[], limit = 5): Post[] {
  const seen = new Set<string>([post.id]);
  const unique = candidates.filter((c) => !seen.has(c.id) && (seen.add(c.id), true));
  return unique
    .map((c) => ({ c, score: relatedScore(post, c) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.c.views - a.c.views)
    .slice(0, limit)
    .map((x) => x.c);
}

/**
 * Threads related to `post`: those sharing its error codes, its API classes or its topics (one search per facet,
 * values OR-ed) or a telling word of its title, merged and ranked by {@link relatedScore}; empty only when no
 * other thread shares anything.
 */
export async function relatedPosts(engine: SearchEngine, post: Post, limit = 5): Promise<Post[]> {
  const facets = [
    { code: post.errorCodes.slice(0, 20) },
    { api: post.apiClasses.slice(0, 20) },
    { topic: post.topics.slice(0, 20) },
  ].filter((f) => Object.values(f)[0]!.length > 0);
  // And threads whose text holds one of the title's telling words (the longest few), for text similarity.
  const words = [...titleWords(post)].sort((x, y) => y.length - x.length || x.localeCompare(y)).slice(0, 5);
  const results = await Promise.all([
    ...facets.map((filters) => engine.search({ q: '', filters, perPage: 30, sort: 'views' })),
    ...words.map((word) => engine.search({ q: `"${word}"`, perPage: 10 })),
  ]);
  return rankRelated(
    post,
    results.flatMap((r) => r.hits.map((h) => h.post)),
    limit,
  );
}
