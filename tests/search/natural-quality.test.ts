import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { MeilisearchEngine } from '@/lib/search/meilisearch/engine';
import { MATCHING_STRATEGIES, type MatchingStrategy } from '@/lib/search/relax';
import {
  LIVE_MEILI,
  deleteLiveIndexes,
  dumpAndCapturePosts,
  liveIndexName,
  liveMeiliEngine,
  reportLiveMeiliSkipped,
} from '../helpers/engines';
import { tempDir } from '../helpers/fixtures';
import { NATURAL_TABLE } from '../helpers/natural-queries';

describe('natural-language queries on the real dump and the hand-made captures (embedded)', () => {
  const engines = new Map<MatchingStrategy, EmbeddedEngine>();
  beforeAll(async () => {
    const posts = await dumpAndCapturePosts();
    for (const strategy of MATCHING_STRATEGIES) {
      const engine = new EmbeddedEngine(tempDir(`ne-natural-${strategy}-`), { strategy });
      await engine.replaceAll(posts);
      engines.set(strategy, engine);
    }
  }, 120_000);

  const ranked = async (q: string, strategy: MatchingStrategy = 'frequency', strict = false) =>
    (await engines.get(strategy)!.search({ q, perPage: 10, strict })).hits.map((h) => h.post.title);

  it.each(NATURAL_TABLE)('"$q" finds its thread within $within', async ({ q, expected, within }) => {
    expect((await ranked(q)).slice(0, within)).toContain(expected);
  });

  it('the figures of the closing note: rows within their rank, and at rank 1, per drop order and with every word required', async () => {
    const figures = async (strategy: MatchingStrategy, strict: boolean) => {
      let within = 0;
      let first = 0;
      for (const row of NATURAL_TABLE) {
        const titles = await ranked(row.q, strategy, strict);
        if (titles.slice(0, row.within).includes(row.expected)) within++;
        if (titles[0] === row.expected) first++;
      }
      return { within, first };
    };
    expect({
      rows: NATURAL_TABLE.length,
      frequency: await figures('frequency', false),
      last: await figures('last', false),
      strict: await figures('frequency', true),
    }).toEqual({
      rows: 39,
      frequency: { within: 39, first: 39 },
      last: { within: 39, first: 35 },
      strict: { within: 2, first: 2 },
    });
  });
});

reportLiveMeiliSkipped();

/**
 * The same table on a real Meilisearch where MEILI_HOST is set (npm run test:meili): the fixtures ingested into a
 * fresh index, deleted afterwards; every thread within its rank, and the same words dropped as the embedded
 * engine drops.
 */
describe.runIf(LIVE_MEILI !== undefined)('natural-language queries on a live Meilisearch', () => {
  const indexName = liveIndexName('natural');
  let meili: MeilisearchEngine;
  let embedded: EmbeddedEngine;
  beforeAll(async () => {
    const posts = await dumpAndCapturePosts();
    meili = liveMeiliEngine(indexName);
    await meili.replaceAll(posts);
    embedded = new EmbeddedEngine(tempDir('ne-natural-live-'));
    await embedded.replaceAll(posts);
  }, 300_000);
  afterAll(() => deleteLiveIndexes(indexName), 120_000);

  it.each(NATURAL_TABLE)('"$q" finds its thread within $within', async ({ q, expected, within }) => {
    const titles = (await meili.search({ q, perPage: 10 })).hits.map((h) => h.post.title);
    expect(titles.slice(0, within)).toContain(expected);
  });

  it.each(NATURAL_TABLE)('"$q" drops the same words as the embedded engine', async ({ q }) => {
    const [remote, local] = await Promise.all([meili.search({ q }), embedded.search({ q })]);
    expect({ relaxed: remote.relaxedWords, dropped: remote.droppedWords }).toEqual({
      relaxed: local.relaxedWords,
      dropped: local.droppedWords,
    });
  });
});
