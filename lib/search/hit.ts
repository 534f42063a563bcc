import type { Post } from '../posts/schema';
import { highlightHtml, snippetHtml } from './highlight';
import type { SearchHit } from './types';

/** Build a hit from a post and the index terms that matched it: escaped, highlighted title and snippet. */
export function toSearchHit(post: Post, matchedTerms: readonly string[]): SearchHit {
  const terms = [...new Set(matchedTerms.map((t) => t.toLowerCase()))];
  return {
    post,
    titleHtml: highlightHtml(post.title, terms),
    snippet: snippetHtml(post.body, terms),
    matchedTerms: terms,
  };
}
