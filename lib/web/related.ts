import type { Post } from '@/lib/posts/schema';
import type { SearchEngine } from '@/lib/search/types';

/** How much two threads share: two points per error code, one per API class. */
export function relatedScore(a: Post, b: Post): number {
  const codes = b.errorCodes.filter((c) => a.errorCodes.includes(c)).length;
  const apis = b.apiClasses.filter((x) => a.apiClasses.includes(x)).length;
  return codes * 2 + apis;
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

/** Threads sharing API classes or error codes with `post`: one search per facet (values OR-ed), merged and ranked. */
export async function relatedPosts(engine: SearchEngine, post: Post, limit = 5): Promise<Post[]> {
  const searches = [];
  if (post.errorCodes.length > 0) {
    searches.push(
      engine.search({ q: '', filters: { code: post.errorCodes.slice(0, 20) }, perPage: 30, sort: 'views' }),
    );
  }
  if (post.apiClasses.length > 0) {
    searches.push(
      engine.search({ q: '', filters: { api: post.apiClasses.slice(0, 20) }, perPage: 30, sort: 'views' }),
    );
  }
  const results = await Promise.all(searches);
  return rankRelated(
    post,
    results.flatMap((r) => r.hits.map((h) => h.post)),
    limit,
  );
}
