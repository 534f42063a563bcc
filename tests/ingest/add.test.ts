import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { mergeIntoIndex } from '@/lib/ingest/add';
import { ingest } from '@/lib/ingest/pipeline';
import { isBalanced } from '@/lib/ingest/report';

const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
const ADDITIONS = path.resolve(__dirname, '../fixtures/additions');
const A = path.join(ADDITIONS, 'network-extension-tag.txt');
const B = path.join(ADDITIONS, 'networking-subtopic.txt');
const asOf = new Date('2025-07-15T00:00:00Z');

describe('mergeIntoIndex (the merge stage of ingest --add)', () => {
  it.each([0, 2])(
    'merges an ingest of B into the posts of A as one ingest of A and B merges them (%i workers)',
    async (workers) => {
      const options = { asOf, workers, chunkBytes: 200 };
      const first = await ingest([A], context, options);
      const both = await ingest([A, B], context, options);
      const added = mergeIntoIndex(first.posts, await ingest([B], context, options));
      const byId = new Map(both.posts.map((p) => [p.id, p]));
      // The posts B touched, in B's order, exactly as the one ingest holds them.
      expect(added.posts.map((p) => p.title)).toEqual([
        'Transparent proxy and QUIC',
        'Packet tunnel stops after the Mac sleeps',
        'Local DNS resolver ignores search domains',
      ]);
      expect(added.posts).toEqual(added.posts.map((p) => byId.get(p.id)));
      expect(added.report.files).toEqual([both.report.files[1]]);
      expect([added.report.accepted, added.report.merged, added.report.rejected]).toEqual([1, 2, 1]);
      expect(isBalanced(added.report)).toEqual(true);
    },
  );

  it('lets a new reading with the same activity and views win, as a later repeat does within one ingest', () => {
    const old = { replies: 1, boosts: 0, views: 10, activity: '2025-05' };
    const base = {
      id: 'aaaaaaaaaaaa',
      slug: 'a-aaaaaa',
      title: 'A',
      body: 'B',
      created: null,
      forums: [{ name: 'Network Extension', kind: 'tag' as const }],
      threadId: null,
      topics: [],
      apiClasses: [],
      osVersions: [],
      os: [],
      errorCodes: [],
      errorCodeVariants: [],
      feedbackIds: [],
    };
    const existing = { ...base, ...old, source: { file: 'a.txt', line: 3 } };
    const reading = {
      ...base,
      ...old,
      replies: 2,
      forums: [{ name: 'Networking', kind: 'subtopic' as const }],
      source: { file: 'b.txt', line: 9 },
    };
    const report = {
      files: [{ file: 'b.txt', read: 1, accepted: 1, merged: 0, rejected: 0, headerLines: 0 }],
      read: 1,
      accepted: 1,
      merged: 0,
      rejected: 0,
      rejects: [],
      skipped: [],
      headerLines: 0,
      bytes: 0,
      ms: 0,
    };
    const added = mergeIntoIndex([existing], { posts: [reading], report });
    expect(added.posts).toEqual([
      {
        ...existing,
        replies: 2,
        forums: [
          { name: 'Network Extension', kind: 'tag' },
          { name: 'Networking', kind: 'subtopic' },
        ],
      },
    ]);
    expect(added.report.files).toEqual([
      { file: 'b.txt', read: 1, accepted: 0, merged: 1, rejected: 0, headerLines: 0 },
    ]);
  });
});
