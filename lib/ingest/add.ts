import type { Post } from '../posts/schema';
import type { IngestResult } from './ingest-options';
import { PostMerger } from './merge';

/**
 * The merge stage of `ingest --add`: the posts an ingest of new captures read, merged into the posts the index
 * already holds with their ids (`existing`), by the one rule of repeats (`PostMerger`: the merger is seeded with
 * the existing posts, then fed the new ones), so that adding captures to an index gives what one ingest of all
 * of them gives. A post already there keeps its id, slug, source and enrichment; its counts are the newer
 * reading's and its forums the union. Returns the posts touched (merged or new, in the order the new captures
 * read them) and the report with every new reading of an existing post counted as merged, not accepted, in its
 * file and in the totals (so read = accepted + merged + rejected still holds).
 */
export function mergeIntoIndex(existing: readonly Post[], added: IngestResult): IngestResult {
  const merger = new PostMerger<Post>();
  for (const post of existing) merger.add(post);
  const files = added.report.files.map((counts) => ({ ...counts }));
  const byFile = new Map(files.map((counts) => [counts.file, counts]));
  let repeats = 0;
  for (const post of added.posts) {
    if (merger.add(post) === 'accepted') continue;
    repeats++;
    const counts = byFile.get(post.source.file)!;
    counts.accepted--;
    counts.merged++;
  }
  return {
    posts: added.posts.map((post) => merger.get(post.id)!),
    report: {
      ...added.report,
      files,
      accepted: added.report.accepted - repeats,
      merged: added.report.merged + repeats,
    },
  };
}
