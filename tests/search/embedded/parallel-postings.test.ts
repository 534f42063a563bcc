import { describe, expect, it } from 'vitest';
import { buildSnapshot, buildSnapshotWith } from '@/lib/search/embedded/snapshot';
import { collectPostingsInParallel } from '@/lib/search/embedded/parallel-postings';
import type { Post } from '@/lib/posts/schema';
import { realPosts } from '../../helpers/engines';

/** The real posts, repeated with a distinct word and id each time, so both halves differ. */
async function manyPosts(copies: number): Promise<Post[]> {
  const posts = await realPosts();
  return Array.from({ length: copies }, (_, c) =>
    posts.map((p, i) => ({
      ...p,
      id: `${c.toString(16).padStart(6, '0')}${i.toString(16).padStart(6, '0')}`,
      slug: `${p.slug}-${c}`,
      body: `${p.body} copy${c % 7} word${c}`,
    })),
  ).flat();
}

describe('index build on two threads', () => {
  it('builds exactly the snapshot the one-thread build gives', async () => {
    const posts = await manyPosts(60);
    const serial = buildSnapshot(posts);
    const partSizes: number[] = [];
    const parallel = await buildSnapshotWith(posts, async (count, fieldsOf) => {
      const parts = await collectPostingsInParallel(count, fieldsOf, { minDocs: 0 });
      partSizes.push(...parts.map((p) => p.count));
      return parts;
    });
    expect(partSizes).toEqual([600, 600]);
    expect(parallel.index.terms).toEqual(serial.index.terms);
    expect(Array.from(parallel.index.start)).toEqual(Array.from(serial.index.start));
    expect(Array.from(parallel.index.docs)).toEqual(Array.from(serial.index.docs));
    expect(Array.from(parallel.index.impacts)).toEqual(Array.from(serial.index.impacts));
    expect(Array.from(parallel.index.scales)).toEqual(Array.from(serial.index.scales));
    expect(parallel.columns).toEqual(serial.columns);
  });

  it('stays on this thread below the size where a worker pays', async () => {
    const posts = await realPosts();
    const parts = await collectPostingsInParallel(posts.length, (doc) => [posts[doc]!.title, '', '', '']);
    expect(parts.length).toEqual(1);
  });
});
