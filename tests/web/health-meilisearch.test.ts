import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchEngine } from '@/lib/search/types';
import { FakeMeili, INVALID_KEY, MISSING_KEY, apiError, engineWith } from '../helpers/fake-meili';

/** The web server's engine slot (lib/search/create-engine.ts): the test puts a Meilisearch engine there. */
const SLOT = Symbol.for('ne-forum-search.search-engine');
const slot = globalThis as { [SLOT]?: SearchEngine };

afterEach(() => {
  delete slot[SLOT];
});

describe('/api/health on Meilisearch with a refused search key', () => {
  it.each([
    ['missing (401)', 401, MISSING_KEY],
    ['wrong (403)', 403, INVALID_KEY],
  ])('is 503 when the key is %s', async (_what, status, body) => {
    const fake = new FakeMeili();
    fake.failure = apiError(status, body);
    slot[SLOT] = engineWith(fake);
    vi.resetModules(); // a fresh health cache for each case
    const { healthReply } = await import('@/lib/web/json-api');
    const reply = await healthReply();
    expect([reply.status, JSON.parse(reply.body.toString('utf8'))]).toEqual([
      503,
      { error: { status: 503, message: 'The search engine is unavailable; try again shortly.' } },
    ]);
    expect(fake.trace).toEqual(['search posts']);
  });
});
