import { z } from 'zod';

/** Platforms whose versions we recognise in posts. */
export const PLATFORMS = ['iOS', 'iPadOS', 'macOS', 'watchOS', 'tvOS', 'visionOS'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/**
 * The patterns and limits of the schemas below, named so the ingest's hand-written fast checks
 * (`lib/ingest/post-checks.ts`) read the very same ones.
 */
export const POST_RULES = {
  /** A `YYYY-MM` month. */
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  /** Twelve lowercase hex digits (from the sha256 of title and body). */
  postId: /^[0-9a-f]{12}$/,
  /** Lowercase words of letters and digits joined by single hyphens. */
  slug: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  /** One to three numeric parts: `18`, `18.3`, `18.3.2`. */
  osVersion: /^\d+(\.\d+){0,2}$/,
  /** A forum thread's id: `781234` of `https://developer.apple.com/forums/thread/781234`. */
  threadId: /^\d+$/,
  /** The longest title, in characters after trimming. */
  titleMax: 500,
} as const;

/** A `YYYY-MM` month, the granularity of the forum's activity column. */
export const Month = z.string().regex(POST_RULES.month, 'expected YYYY-MM');
export type Month = z.infer<typeof Month>;

/** Where a record was read: the file and the 1-based line of its title. */
export const SourceRef = z.object({ file: z.string().min(1), line: z.number().int().positive() });
export type SourceRef = z.infer<typeof SourceRef>;

/** The kinds of forum listing a post can be seen under. */
export const FORUM_KINDS = ['tag', 'subtopic', 'topic', 'event'] as const;
export const ForumKind = z.enum(FORUM_KINDS);
export type ForumKind = z.infer<typeof ForumKind>;

/** A forum listing a post was seen under: `{ name: 'Network Extension', kind: 'tag' }`. */
export const Forum = z.object({ name: z.string().min(1), kind: ForumKind });
export type Forum = z.infer<typeof Forum>;

/** A post as the parser reads it from a dump, before identity and enrichment. */
export const RawPost = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'empty title')
    .max(POST_RULES.titleMax, `title longer than ${POST_RULES.titleMax} characters`),
  body: z.string().trim().min(1, 'empty body'),
  replies: z.number().int().nonnegative(),
  boosts: z.number().int().nonnegative(),
  views: z.number().int().nonnegative(),
  activity: Month.nullable(),
  /** The month the thread was created, from a listing whose last column is `Created`; else null. */
  created: Month.nullable(),
  /** The listings it was seen under (tag, subtopic, topic, event), in the order first seen. */
  forums: z.array(Forum),
  source: SourceRef,
  /**
   * The thread's id on the Apple Developer Forums, when the capture carried its URL (a markdown-link title or a
   * URL line after the title); null otherwise, and for posts stored before thread links were read.
   */
  threadId: z.string().regex(POST_RULES.threadId).nullable().default(null),
});
export type RawPost = z.infer<typeof RawPost>;

/** A normalised OS version: `{ platform: 'iOS', version: '18.3.2', label: 'iOS 18.3.2', number: 18003002 }`. */
export const OsVersion = z.object({
  platform: Platform,
  version: z.string().regex(POST_RULES.osVersion),
  label: z.string(),
  /** major * 1e6 + minor * 1e3 + patch, so versions compare as numbers. */
  number: z.number().int().nonnegative(),
});
export type OsVersion = z.infer<typeof OsVersion>;

/** An enriched, identified post: the record every engine indexes and every page shows. */
export const Post = RawPost.extend({
  id: z.string().regex(POST_RULES.postId),
  slug: z.string().regex(POST_RULES.slug),
  topics: z.array(z.string()),
  apiClasses: z.array(z.string()),
  osVersions: z.array(z.string()),
  os: z.array(OsVersion),
  errorCodes: z.array(z.string()),
  /** Every written form of the error codes, lowercased, for matching: `-9836`, `9836`, `errsslpeerprotocolversion`. */
  errorCodeVariants: z.array(z.string()),
  feedbackIds: z.array(z.string()),
});
export type Post = z.infer<typeof Post>;
