import type { ErrorCatalog } from '../catalog/error-catalog';
import type { Topic } from '../catalog/topics';
import { extractApiClasses } from '../enrich/api-classes';
import { extractErrorCodes } from '../enrich/error-codes';
import { extractOsVersions } from '../enrich/os-versions';
import { identifierRuns, postText } from '../enrich/text-tokens';
import { classifyTopics } from '../enrich/topics';
import { Post } from '../posts/schema';
import type { IdentifiedPost } from './identify';
import { postIfValid } from './post-checks';

/** What enrichment reads besides the post: the error catalog and the topic taxonomy (both content). */
export type EnrichContext = { catalog: ErrorCatalog; topics: Topic[] };

/** Add topics, API classes, OS versions, error codes and feedback ids to an identified post. */
export function enrichPost(post: IdentifiedPost, context: EnrichContext): Post {
  const text = postText(post.title, post.body);
  // One tokenisation pass over the text, shared by the four extractors.
  const runs = identifierRuns(text);
  const apiClasses = extractApiClasses(text, runs);
  const os = extractOsVersions(text, runs);
  const codes = extractErrorCodes(text, context.catalog, runs);
  const topics = classifyTopics({ title: post.title, body: post.body, apiClasses }, context.topics, runs);
  // Property by property (V8 builds this far faster than a spread); Post.parse would drop other keys anyway.
  const enriched = {
    title: post.title,
    body: post.body,
    replies: post.replies,
    boosts: post.boosts,
    views: post.views,
    activity: post.activity,
    source: post.source,
    id: post.id,
    slug: post.slug,
    topics,
    apiClasses,
    os,
    osVersions: os.map((o) => o.label),
    errorCodes: codes.errorCodes,
    errorCodeVariants: codes.errorCodeVariants,
    feedbackIds: codes.feedbackIds,
  };
  return postIfValid(enriched) ?? Post.parse(enriched);
}
