import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { upsertById } from '@/lib/posts/upsert';
import { MeilisearchEngine, toMeiliDocument } from '@/lib/search/meilisearch/engine';
import {
  FIRST_CHANGE_ID,
  MAX_VOCABULARY_CHANGES,
  vocabularyChunks,
} from '@/lib/search/meilisearch/vocabulary-index';
import { buildVocabulary } from '@/lib/search/vocabulary';
import { realPosts } from '../../helpers/engines';
import { STUB_MASTER_KEY, startMeiliStub, type MeiliStub } from '../../helpers/meili-v115-stub';

/*
 * `upsertPosts` keeps the vocabulary index up to date from the posts it replaces and the posts it sends (chunks of
 * changes, then a whole vocabulary afresh): on the v1.15 stub, what the vocabulary reads back is, after every
 * upsert, exactly the vocabulary of every post, as a full rebuild gives it.
 */
let stub: MeiliStub;
let posts: Post[];
beforeAll(async () => {
  stub = await startMeiliStub();
  posts = await realPosts();
}, 60_000);
afterAll(() => stub.close());

let runs = 0;
/** An engine on a fresh index of the stub, and one that reads it afresh (no cached vocabulary). */
function freshEngines(): { engine: MeilisearchEngine; reader: () => MeilisearchEngine } {
  const indexName = `posts${++runs}`;
  const make = () => new MeilisearchEngine({ host: stub.host, apiKey: STUB_MASTER_KEY, indexName });
  return { engine: make(), reader: make };
}

/** A post read again: the same id, maybe other words (`body`), counts and API classes (the spellings change). */
const reread = (post: Post, body: string | null, views: number, apis: readonly string[] | null): Post => ({
  ...post,
  ...(body === null ? {} : { body }),
  ...(apis === null ? {} : { apiClasses: [...apis] }),
  views,
});

const BODIES = ['tunnel tunnel provider', 'Hotspot helper NEHotspotHelper', 'the and with'];

describe('the vocabulary after upserts', () => {
  it('is, after every upsert, the vocabulary of every post: new posts, posts read again, words gone', async () => {
    const upsert = fc.array(
      fc.record({
        post: fc.nat(posts.length - 1),
        body: fc.option(fc.constantFrom(...BODIES)),
        views: fc.nat(1000),
        apis: fc.option(fc.constantFrom([], ['NEHotspotHelper'], ['NWProtocolTLS.Options']), { freq: 8 }),
      }),
      { minLength: 1, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: posts.length }),
        fc.array(upsert, { minLength: 1, maxLength: MAX_VOCABULARY_CHANGES + 3 }),
        async (first, upserts) => {
          const { engine, reader } = freshEngines();
          let all = posts.slice(0, first);
          await engine.replaceAll(all);
          for (const batch of upserts) {
            const sent = batch.map(({ post, body, views, apis }) => reread(posts[post]!, body, views, apis));
            await engine.upsertPosts(sent, []);
            all = upsertById(all, sent);
            expect(await reader().vocabulary()).toEqual(buildVocabulary(all));
          }
        },
      ),
      { seed: 1313, numRuns: 12 },
    );
  }, 120_000);

  it(`sends chunks of changes ${FIRST_CHANGE_ID}, ${FIRST_CHANGE_ID + 1}, …, and after ${MAX_VOCABULARY_CHANGES} of them stores what a full rebuild stores`, async () => {
    const { engine } = freshEngines();
    const uid = `posts${runs}-vocabulary`;
    let all = posts.slice(0, 2);
    await engine.replaceAll(all);
    const ids = () => [...stub.indexes.get(uid)!.documents.keys()];
    for (let i = 0; i < MAX_VOCABULARY_CHANGES; i++) {
      all = upsertById(all, [posts[2 + i]!]);
      await engine.upsertPosts([posts[2 + i]!], []);
    }
    expect(ids()).toEqual([
      '0',
      ...Array.from({ length: MAX_VOCABULARY_CHANGES }, (_, i) => String(FIRST_CHANGE_ID + i)),
    ]);
    const last = posts[2 + MAX_VOCABULARY_CHANGES]!;
    all = upsertById(all, [last]);
    await engine.upsertPosts([last], []);
    expect([...stub.indexes.get(uid)!.documents.values()]).toEqual(vocabularyChunks(buildVocabulary(all)));
    expect([...stub.indexes.get(`posts${runs}`)!.documents.values()]).toEqual(all.map(toMeiliDocument));
  }, 60_000);

  it('sends no chunk when no word changed (a post read again with other counts only)', async () => {
    const { engine } = freshEngines();
    await engine.replaceAll(posts.slice(0, 5));
    const from = stub.seen.length;
    await engine.upsertPosts([{ ...posts[2]!, views: posts[2]!.views + 1 }], []);
    expect(
      stub.seen.slice(from).filter((r) => r.method === 'POST' && r.path.includes('-vocabulary/documents')),
    ).toEqual([]);
  });
});
