import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import { DUMP_PATH } from '../helpers/fixtures';

const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
const asOf = new Date('2026-03-20T00:00:00Z');
const CAPTURES = path.resolve(__dirname, '../fixtures/captures');

/** Title (cut), activity, created and forums of each post. */
const summary = (posts: Awaited<ReturnType<typeof ingest>>['posts']) =>
  posts.map((p) => [p.title.slice(0, 30), p.activity, p.created, p.forums.map((f) => `${f.kind}:${f.name}`)]);

describe('where a post came from', () => {
  it('takes each post’s forums from its page header and Topic line, merged across captures, on both paths', async () => {
    const serial = await ingest([CAPTURES], context, { asOf, workers: 0 });
    expect(summary(serial.posts)).toEqual([
      ['Content filter blocks DNS over', '2025-05', null, ['tag:Network Extension']],
      ['Transparent proxy and QUIC', '2025-04', null, ['tag:Network Extension']],
      ['Per-app VPN rules not applied ', '2026-02', null, ['event:WWDC25']],
      ['NEHotspotHelper entitlement fo', '2026-03', null, ['event:WWDC25']],
      [
        'Local network permission promp',
        null,
        '2026-03',
        ['topic:App & System Services', 'subtopic:Networking'],
      ],
      ['蓝牙和 Wi-Fi 同时连接时 NWConnection 断', null, '2026-03', ['subtopic:Networking']],
      ['Socket path limited to 104 cha', null, '2026-03', ['subtopic:Networking']],
      ['SecTrustEvaluateWithError fail', '2023-10', null, ['topic:Privacy & Security', 'subtopic:General']],
      ['Keychain item not found after ', '2026-03', null, ['topic:Privacy & Security', 'subtopic:General']],
    ]);
    const { read, accepted, merged, rejected, headerLines, rejects, skipped } = serial.report;
    expect({ read, accepted, merged, rejected, headerLines, skipped }).toEqual({
      read: 13,
      accepted: 9,
      merged: 3,
      rejected: 1,
      headerLines: 63, // 10 of them the header-only capture, which adds no record
      skipped: [],
    });
    expect(rejects.map((r) => `${path.basename(r.file)}:${r.line}: ${r.reason}`)).toEqual([
      'banner-tag-cut.txt:35: record cut off at end of file (no body)',
    ]);
    const parallel = await ingest([CAPTURES], context, { asOf, workers: 2, chunkBytes: 300 });
    expect(parallel.posts).toEqual(serial.posts);
    expect({ ...parallel.report, ms: 0 }).toEqual({ ...serial.report, ms: 0 });
  });

  it('gives every post of the bundled dump its tag, and keeps its 20 posts', async () => {
    const { posts } = await ingest([DUMP_PATH], context, { asOf, workers: 0 });
    expect(posts.length).toEqual(20);
    expect(new Set(posts.map((p) => JSON.stringify(p.forums)))).toEqual(
      new Set([JSON.stringify([{ name: 'Network Extension', kind: 'tag' }])]),
    );
  });
});
