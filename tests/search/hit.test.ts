import { beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { toMeiliDocument, type MeiliSearchResponse } from '@/lib/search/meilisearch/engine';
import type { SearchHit } from '@/lib/search/types';
import { realPosts } from '../helpers/engines';
import { FakeMeili, engineWith } from '../helpers/fake-meili';
import { tempDir } from '../helpers/fixtures';

const TLS = 'tls-communication-error-between-iphone-and-ipad-04be19';
const SYSEXT = 'ne-system-extension-stuck-on-validation-by-category-9b2f22';

/** Where Meilisearch would report each of `words` in `text`: UTF-8 byte offsets of every case-insensitive occurrence. */
function positionsOf(text: string, words: string[]) {
  const lower = text.toLowerCase();
  const out: Array<{ start: number; length: number }> = [];
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      out.push({ start: new TextEncoder().encode(text.slice(0, at)).length, length: word.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The hit the Meilisearch engine makes of `post` for `q`, its words matched where Meilisearch matches them. */
async function meiliHit(post: Post, q: string, words: string[]): Promise<SearchHit> {
  const fake = new FakeMeili();
  const response: MeiliSearchResponse = {
    hits: [
      {
        ...toMeiliDocument(post),
        _matchesPosition: { title: positionsOf(post.title, words), body: positionsOf(post.body, words) },
      },
    ],
    processingTimeMs: 1,
    totalHits: 1,
    facetDistribution: {},
  };
  fake.multiSearchResults = [response];
  const result = await engineWith(fake).search({ q });
  return result.hits[0]!;
}

let posts: Post[];
let embedded: EmbeddedEngine;

beforeAll(async () => {
  posts = await realPosts();
  embedded = new EmbeddedEngine(tempDir('hit-highlight-'));
  await embedded.replaceAll(posts);
});

const post = (slug: string) => posts.find((p) => p.slug === slug)!;

async function embeddedHit(slug: string, q: string): Promise<SearchHit> {
  const hit = (await embedded.search({ q })).hits.find((h) => h.post.slug === slug);
  if (!hit) throw new Error(`${slug} not found for ${q}`);
  return hit;
}

describe('snippets mark only what the query matched, the same on both engines', () => {
  const TLS_SNIPPET =
    '…certificate. public var options: <mark>NWProtocolTLS.Options</mark> { let options = <mark>NWProtocolTLS.Options</mark>() sec_protocol_options_set_min_tls_protocol_version(options.securityProtocolOptions, .TLSv12)…';

  it('NWProtocolTLS.Options marks NWProtocolTLS.Options, never NWProtocolTCP.Options (embedded)', async () => {
    const hit = await embeddedHit(TLS, 'NWProtocolTLS.Options');
    // The engine matched the TLS thread through a typo form too; the highlight leaves it out.
    expect(hit.matchedTerms).toContain('nwprotocoltcp.options');
    expect(post(TLS).body).toContain('NWProtocolTCP.Options');
    expect(hit.snippet).toBe(TLS_SNIPPET);
    expect(hit.highlight).toBe('nwprotocoltls.options');
  });

  it('NWProtocolTLS.Options marks NWProtocolTLS.Options, never NWProtocolTCP.Options (Meilisearch)', async () => {
    // Meilisearch splits the identifier at the dot and matches each word, `nwprotocoltcp` by a typo.
    const hit = await meiliHit(post(TLS), 'NWProtocolTLS.Options', [
      'nwprotocoltls',
      'nwprotocoltcp',
      'options',
    ]);
    expect([...hit.matchedTerms].sort()).toEqual(['nwprotocoltcp', 'nwprotocoltls', 'options']);
    expect(hit.snippet).toBe(TLS_SNIPPET);
    expect(hit.highlight).toBe('nwprotocoltls.options');
  });

  it('NWProtocolTLS marks its own run, not the NWProtocolTCP the engine matched as a typo (embedded)', async () => {
    const hit = await embeddedHit(TLS, 'NWProtocolTLS');
    expect(hit.matchedTerms).toContain('nwprotocoltcp');
    expect(hit.snippet).toBe(TLS_SNIPPET);
  });

  const SYSEXT_SNIPPET =
    '…= error semaphore.signal() } error is <mark>OSSystemExtensionErrorDomain code 1</mark> This problem has been bothering me for a long time, I would appreciate any help, if need more info, comment, thank you.';

  it('OSSystemExtensionErrorDomain code 1 marks the code after its domain only (embedded)', async () => {
    const hit = await embeddedHit(SYSEXT, 'OSSystemExtensionErrorDomain code 1');
    expect(hit.matchedTerms).toEqual(['ossystemextensionerrordomain', 'code', '1']);
    expect(post(SYSEXT).body).toContain(' 1. Some policy missing');
    expect(hit.snippet).toBe(SYSEXT_SNIPPET);
    expect(hit.highlight).toBe('ossystemextensionerrordomain code 1');
  });

  it('OSSystemExtensionErrorDomain code 1 marks the code after its domain only (Meilisearch)', async () => {
    const hit = await meiliHit(post(SYSEXT), 'OSSystemExtensionErrorDomain code 1', [
      'ossystemextensionerrordomain',
      'code',
    ]);
    expect(hit.snippet).toBe(SYSEXT_SNIPPET);
    expect(hit.highlight).toBe('ossystemextensionerrordomain code 1');
  });
});
