import type { Post } from '../posts/schema';
import { indexTokens } from './tokenize';
import { apiAliases } from './api-aliases';

/**
 * The flat record both engines index, derived from a Post. Code and API fields hold every written form
 * (`9836`, `errsslpeerprotocolversion`; `nepackettunnelprovider`, `packettunnelprovider`), so an exact
 * code or API match can rank above a passing mention in the body.
 */
export type IndexDocument = {
  id: string;
  slug: string;
  title: string;
  body: string;
  /** Space-separated lowercase forms of every error code, symbol and feedback id. */
  codeTerms: string;
  /** Space-separated lowercase forms of every API class, whole, without prefix, and in parts. */
  apiTerms: string;
  topics: string[];
  apiClasses: string[];
  osVersions: string[];
  errorCodes: string[];
  /** Numeric versions per platform for range filters: `os_iOS: [18003002]`. */
  os_iOS: number[];
  os_iPadOS: number[];
  os_macOS: number[];
  os_watchOS: number[];
  os_tvOS: number[];
  os_visionOS: number[];
  /** `YYYYMM` as a number (0 when unknown), for sorting and ranges. */
  activityKey: number;
  views: number;
  replies: number;
  boosts: number;
};

/** `2025-05` → 202505; null → 0. */
export function activityKey(month: string | null): number {
  return month ? Number(month.replace('-', '')) : 0;
}

/** Build the index record of a post. */
export function toIndexDocument(post: Post): IndexDocument {
  const osNumbers = (platform: string) => post.os.filter((o) => o.platform === platform).map((o) => o.number);
  const codeTerms = new Set<string>([
    ...post.errorCodeVariants,
    ...post.feedbackIds.map((f) => f.toLowerCase()),
  ]);
  const apiTerms = new Set<string>();
  for (const api of post.apiClasses) {
    for (const alias of apiAliases(api)) {
      for (const t of indexTokens(alias)) apiTerms.add(t);
    }
  }
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    body: post.body,
    codeTerms: [...codeTerms].join(' '),
    apiTerms: [...apiTerms].join(' '),
    topics: post.topics,
    apiClasses: post.apiClasses,
    osVersions: post.osVersions,
    errorCodes: post.errorCodes,
    os_iOS: osNumbers('iOS'),
    os_iPadOS: osNumbers('iPadOS'),
    os_macOS: osNumbers('macOS'),
    os_watchOS: osNumbers('watchOS'),
    os_tvOS: osNumbers('tvOS'),
    os_visionOS: osNumbers('visionOS'),
    activityKey: activityKey(post.activity),
    views: post.views,
    replies: post.replies,
    boosts: post.boosts,
  };
}
