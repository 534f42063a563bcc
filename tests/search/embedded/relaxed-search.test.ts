import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';

const MEMORY = 'Memory release problem of VPN connection object';
const PER_APP = 'Packet Tunnel Provider with Per App VPN debugging';

describe('embedded engine: partial matches, split and joined words', () => {
  let engine: EmbeddedEngine;
  beforeAll(async () => {
    engine = new EmbeddedEngine(tempDir('ne-relaxed-'));
    await engine.replaceAll(await realPosts());
  }, 120_000);

  it('when no thread has every word, shows the best partial matches and names the words they do without', async () => {
    const result = await engine.search({ q: 'packettunnelprovider memory never released' });
    expect({
      first: result.hits[0]?.post.title,
      relaxed: result.relaxedWords,
      dropped: result.droppedWords,
    }).toEqual({
      // memory, never and released each match one post, none the same: the tie drops all three (relax.ts).
      first: PER_APP,
      relaxed: ['memory', 'never', 'released'],
      dropped: ['memory', 'never', 'released'],
    });
  });

  it('with strict, requires every word', async () => {
    const result = await engine.search({ q: 'packettunnelprovider memory never released', strict: true });
    expect({ total: result.total, relaxed: result.relaxedWords }).toEqual({ total: 0, relaxed: undefined });
  });

  it('leaves a query some thread matches whole as it was', async () => {
    const result = await engine.search({ q: 'widget vpn connection' });
    expect({ total: result.total, relaxed: result.relaxedWords }).toEqual({ total: 1, relaxed: undefined });
  });

  it('ranks a partial match by fewer dropped groups before score', async () => {
    const result = await engine.search({ q: 'vpn blocked safari stuck' });
    expect(result.relaxedWords).toEqual(['vpn', 'blocked', 'safari']);
    expect(result.hits.map((h) => h.post.title)).toEqual([
      'NE System Extension stuck on Validation By Category',
      'App occassionally crashing while connecting to public wifi',
    ]);
  });

  it('matches a query word written as two adjacent words of a post', async () => {
    const result = await engine.search({ q: 'createUDPSessionToEndpoint', strict: true });
    expect(result.hits.map((h) => h.post.title)).toEqual([MEMORY]);
    expect(result.hits[0]!.matchedTerms).toEqual(['create', 'udpsessiontoendpoint']);
  });

  it('matches two adjacent query words joined in a post, below the joined word itself', async () => {
    const joined = await engine.search({ q: 'wi fi connect fail', strict: true });
    expect(joined.hits.map((h) => h.post.title)).toEqual(['wifi connect fail']);
    expect(joined.hits[0]!.matchedTerms).toContain('wifi');
  });
});
