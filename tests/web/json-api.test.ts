import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { SearchEngine } from '@/lib/search/types';
import { searchReply } from '@/lib/web/json-api';
import { realPosts } from '../helpers/engines';
import { tempDir } from '../helpers/fixtures';

/** The web server's engine slot (lib/search/create-engine.ts): the test puts an engine over the real dump there. */
const SLOT = Symbol.for('ne-forum-search.search-engine');
const slot = globalThis as { [SLOT]?: SearchEngine };

beforeAll(async () => {
  const engine = new EmbeddedEngine(tempDir('ne-json-api-'));
  await engine.replaceAll(await realPosts());
  slot[SLOT] = engine;
}, 60_000);

afterAll(() => {
  delete slot[SLOT];
});

/** The parsed body of `GET /api/search?<query>`. */
async function search(query: string): Promise<Record<string, unknown>> {
  const reply = await searchReply(new URLSearchParams(query));
  expect(reply.status).toEqual(200);
  return JSON.parse(reply.body.toString('utf8')) as Record<string, unknown>;
}

describe('GET /api/search did you mean', () => {
  it('adds the corrected query as `suggestion` when the search found nothing', async () => {
    const body = await search('q=vpm');
    expect([body.total, body.suggestion]).toEqual([0, 'vpn']);
    expect(Object.keys(body).at(-1)).toEqual('suggestion');
  });

  it('adds it after relaxedWords when only partial matches were found', async () => {
    const body = await search('q=contnet+fitler+provdr');
    expect([body.total, body.relaxedWords, body.suggestion]).toEqual([
      1,
      ['provdr'],
      'content filter provider',
    ]);
  });

  it('leaves it out when the query is fine or the correction finds no more', async () => {
    expect('suggestion' in (await search('q=vpn'))).toEqual(false);
    expect('suggestion' in (await search('q=hotspt+configuraton'))).toEqual(false);
    expect('suggestion' in (await search('q=vpm&topic=tls'))).toEqual(false);
  });
});
