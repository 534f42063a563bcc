import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { toApiHit, toApiPost } from '@/lib/web/api-response';
import { tempDir } from '../helpers/fixtures';

const FIXTURES = path.resolve(__dirname, '../fixtures/thread-links');
let engine: EmbeddedEngine;

beforeAll(async () => {
  const { posts } = await ingest(
    [FIXTURES],
    { catalog: loadErrorCatalog(), topics: loadTopics() },
    { asOf: new Date('2025-06-15T00:00:00Z'), workers: 0 },
  );
  const dir = tempDir('ne-web-api-response-');
  await new EmbeddedEngine(dir).replaceAll(posts);
  // A second engine on the same folder: the posts as the saved index gives them back.
  engine = new EmbeddedEngine(dir);
});

describe('the JSON API carries the thread id', () => {
  it('GET /api/posts/[slug]: the saved post with its thread id, or null when its capture had none', async () => {
    const linked = await engine.search({ q: 'LocalPushConnectivity' });
    const slug = linked.hits[0]!.post.slug;
    const post = toApiPost((await engine.getPost(slug))!);
    expect([post.title, post.threadId, 'errorCodeVariants' in post]).toEqual([
      'TLS communication error between iPhone and iPad',
      '781234',
      false,
    ]);
    const proxy = await engine.search({ q: 'URLSession proxy' });
    expect(toApiPost(proxy.hits[0]!.post)).toMatchObject({
      title: 'Proxy settings ignored by URLSession',
      threadId: null,
    });
  });

  it('search hits: `threadId` beside the other fields', async () => {
    const result = await engine.search({ q: 'hostname DNS' });
    expect(result.hits.map(toApiHit).map((h) => [h.title, h.threadId])).toEqual([
      ['Content filter blocks DNS over HTTPS', '781500'],
    ]);
  });
});
