import type { Forum, Post } from '../posts/schema';
import { highlightHtml, snippetHtml } from './highlight';
import { highlightParam, hitHighlight, type PreparedHighlight } from './highlight-query';
import type { SearchHit } from './types';

/**
 * Build a hit from a post, its query's highlight (`prepareHighlight(plan.parsed)`, once per search) and the index
 * terms that matched it: escaped title and snippet marked by the same rule on both engines (`highlightQuery`), and
 * the `?hl=` of its thread link.
 */
export function toSearchHit(
  post: Post,
  prepared: PreparedHighlight,
  matchedTerms: readonly string[],
): SearchHit {
  const terms = [...new Set(matchedTerms.map((t) => t.toLowerCase()))];
  const highlight = hitHighlight(prepared, terms);
  return {
    post,
    titleHtml: highlightHtml(post.title, highlight),
    snippet: snippetHtml(post.body, highlight),
    matchedTerms: terms,
    highlight: highlightParam(highlight),
  };
}

/** The JSON shape of a hit, shared by the JSON API and the CLI's `--json`. */
export type HitSummary = {
  id: string;
  slug: string;
  title: string;
  snippet: string;
  replies: number;
  boosts: number;
  views: number;
  activity: string | null;
  topics: string[];
  apiClasses: string[];
  osVersions: string[];
  errorCodes: string[];
  /** The forums it was seen under, each `{ name, kind }`. */
  forums: Forum[];
  /** The thread's id on the Apple Developer Forums (`https://developer.apple.com/forums/thread/<id>`), or null. */
  threadId: string | null;
};

/** Flatten a hit into its JSON summary. */
export function toHitSummary(hit: SearchHit): HitSummary {
  const p = hit.post;
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    snippet: hit.snippet,
    replies: p.replies,
    boosts: p.boosts,
    views: p.views,
    activity: p.activity,
    topics: p.topics,
    apiClasses: p.apiClasses,
    osVersions: p.osVersions,
    errorCodes: p.errorCodes,
    forums: p.forums,
    threadId: p.threadId,
  };
}
