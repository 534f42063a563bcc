import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { BUNDLED_IDS } from '../../helpers/bundled-ids';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';

const MEMORY = 'Memory release problem of VPN connection object';
const PER_APP = 'Packet Tunnel Provider with Per App VPN debugging';

/** A bundled post's id by its slug (pinned in `BUNDLED_IDS`). */
const idOf = (slug: string) => BUNDLED_IDS.find(([, s]) => s === slug)![0];
const GETTING_WIFI = idOf('getting-wifi-ssid-8b8602'); // `WIFI`, `wifi`
const CONNECT_FAIL = idOf('wifi-connect-fail-211d78'); // `wifi`, `Wi-Fi`
const PUBLIC_WIFI = idOf('app-occassionally-crashing-while-connecting-to-public-wifi-8c64c2'); // `wifi`, `Wi-Fi`
const VOIP = idOf('0xbaadca11-occurs-when-voip-call-incoming-apns-push-bd01fc'); // `Wi-Fi` only
const PUSH = idOf('rules-on-apppushprovider-deinitialization-24ba91'); // `wifi` only

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
      // The best post holds the API name and one of the three words, each of which one post holds.
      first: PER_APP,
      relaxed: ['memory', 'never'],
      dropped: ['memory', 'never'],
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

  it('ranks a partial match by fewer lacking words, then by lacking the more frequent words', async () => {
    const result = await engine.search({ q: 'vpn blocked safari stuck' });
    expect(result.relaxedWords).toEqual(['vpn', 'blocked', 'safari']);
    // Each holds one word: stuck (2 posts) before vpn (most posts), as the frequency rule drops vpn first.
    expect(result.hits.slice(0, 3).map((h) => h.post.title)).toEqual([
      'NE System Extension stuck on Validation By Category',
      'App occassionally crashing while connecting to public wifi',
      PER_APP,
    ]);
    expect(result.total).toEqual(11);
  });

  it('ranks a post with more of the words above one with fewer, whatever their frequency', async () => {
    const result = await engine.search({ q: 'settings app does not finish adding the vpn profile' });
    expect(result.hits[0]?.post.title).toEqual(
      "When adding a VPN configuration, the Settings app doesn't continue with the configuration process",
    );
    expect(result.relaxedWords).toEqual(['not', 'finish', 'profile']);
  });

  it('matches a query word written as two adjacent words of a post', async () => {
    const result = await engine.search({ q: 'createUDPSessionToEndpoint', strict: true });
    expect(result.hits.map((h) => h.post.title)).toEqual([MEMORY]);
    expect(result.hits[0]!.matchedTerms).toEqual(['create', 'udpsessiontoendpoint']);
  });

  it('finds every Wi-Fi thread for wifi in any case: the word, and its split into two adjacent words', async () => {
    for (const q of ['wifi', 'WiFi', 'Wifi', 'WIFI']) {
      const result = await engine.search({ q });
      expect({ q, total: result.total, ids: result.hits.map((h) => h.post.id) }).toEqual({
        q,
        total: 5,
        ids: [GETTING_WIFI, CONNECT_FAIL, PUBLIC_WIFI, VOIP, PUSH],
      });
    }
    const voip = (await engine.search({ q: 'wifi' })).hits.find((h) => h.post.id === VOIP)!;
    expect(voip.matchedTerms).toEqual(['wi', 'fi']);
    expect(voip.snippet).toContain('<mark>Wi-Fi</mark>');
  });

  it('finds the same five threads for Wi-Fi and wi-fi: both halves, or the two joined', async () => {
    for (const q of ['Wi-Fi', 'wi-fi', 'wi fi']) {
      const result = await engine.search({ q });
      expect({ q, total: result.total, ids: result.hits.map((h) => h.post.id) }).toEqual({
        q,
        total: 5,
        ids: [CONNECT_FAIL, PUBLIC_WIFI, GETTING_WIFI, VOIP, PUSH],
      });
    }
  });

  it('matches two adjacent query words joined in a post, below the joined word itself', async () => {
    const joined = await engine.search({ q: 'wi fi connect fail', strict: true });
    expect(joined.hits.map((h) => h.post.title)).toEqual(['wifi connect fail']);
    expect(joined.hits[0]!.matchedTerms).toContain('wifi');
  });
});

describe('embedded engine: a word’s frequency in the drop order', () => {
  /** A post of `text` with the id `n` in hex. */
  const post = (n: number, text: string) => ({
    title: `Thread ${n}`,
    body: text,
    replies: 0,
    boosts: 0,
    views: 0,
    activity: '2025-05',
    created: null,
    forums: [],
    source: { file: 'synthetic.txt', line: n },
    threadId: null,
    id: n.toString(16).padStart(12, '0'),
    slug: `thread-${n}`,
    topics: [],
    apiClasses: [],
    osVersions: [],
    os: [],
    errorCodes: [],
    errorCodeVariants: [],
    feedbackIds: [],
  });

  it('counts only the word’s own matches, not the joined word credited to it (as Meilisearch counts a word alone)', async () => {
    // wi in 2 posts, fi in 2: equally frequent, so a post holding fi alone and one holding wi alone rank by score.
    // Counting the joined `wifi` (posts 3 and 4) in would make fi (4 posts) more frequent than wi (3: post 3
    // holds both) and always put the wi post first.
    const engine = new EmbeddedEngine(tempDir('ne-relaxed-own-'));
    await engine.replaceAll([
      post(1, 'wi and many other words in a long body that dilutes every one of them'),
      post(2, 'fi'),
      post(3, 'wi wifi'),
      post(4, 'wifi'),
      post(5, 'fi fi and more words here'),
    ]);
    const result = await engine.search({ q: 'wi fi zzqqxxw' });
    const order = result.hits.map((h) => Number.parseInt(h.post.id, 16));
    expect({ relaxed: result.relaxedWords, singles: order.filter((n) => n === 1 || n === 2) }).toEqual({
      relaxed: ['zzqqxxw'],
      singles: [2, 1],
    });
  });
});
