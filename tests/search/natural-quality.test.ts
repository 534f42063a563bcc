import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { SearchEngine } from '@/lib/search/types';
import { realPosts } from '../helpers/engines';
import { tempDir } from '../helpers/fixtures';
import { NATURAL_TABLE } from '../helpers/natural-queries';

describe('natural-language queries on the real dump (embedded)', () => {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = new EmbeddedEngine(tempDir('ne-natural-'));
    await engine.replaceAll(await realPosts());
  }, 120_000);

  const ranked = async (q: string, strict = false) =>
    (await engine.search({ q, perPage: 10, strict })).hits.map((h) => h.post.title);

  it.each(NATURAL_TABLE.filter((row) => !row.miss))(
    '"$q" finds its thread within $within',
    async ({ q, expected, within }) => {
      expect((await ranked(q)).slice(0, within)).toContain(expected);
    },
  );

  it('misses exactly the rows marked miss, and finds one thread with every word required', async () => {
    const misses: string[] = [];
    let strictHits = 0;
    for (const { q, expected, within } of NATURAL_TABLE) {
      if (!(await ranked(q)).slice(0, within).includes(expected)) misses.push(q);
      if ((await ranked(q, true)).slice(0, within).includes(expected)) strictHits++;
    }
    expect({ misses, strictHits }).toEqual({
      misses: NATURAL_TABLE.filter((row) => row.miss).map((row) => row.q),
      strictHits: 1,
    });
  });
});
