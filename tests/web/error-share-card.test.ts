import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import type { FacetCounts } from '@/lib/search/types';
import { resolveErrorSegment } from '@/lib/web/error-code-route';
import { errorShareCard } from '@/lib/web/error-share-card';

const catalog = loadErrorCatalog();
const TOPICS = { tls: 'TLS and certificates', 'content-filter': 'Content filters' };

/** Facet counts of the threads mentioning a code, as the engine gives them. */
function facets(topic: Record<string, number>, api: Record<string, number>): FacetCounts {
  return { topic, api, os: {}, code: {}, forum: {} };
}

describe('resolveErrorSegment', () => {
  it('reads the code in any written form and finds its catalog entry', () => {
    for (const segment of ['-9836', '9836', 'errSSLPeerProtocolVersion', '%2D9836']) {
      const found = resolveErrorSegment(segment, catalog);
      expect({ code: found?.code, file: found?.entry?.file }).toEqual({
        code: '-9836',
        file: 'osstatus-9836.md',
      });
    }
  });

  it('gives a code the catalog lacks without an entry, and null for a segment that is no code', () => {
    expect(resolveErrorSegment('-9999', catalog)).toEqual({ code: '-9999', entry: undefined });
    expect(resolveErrorSegment('not-a-code', catalog)).toEqual(null);
    expect(resolveErrorSegment('%E0%A4%A', catalog)).toEqual(null);
  });
});

describe('errorShareCard', () => {
  it('shows a catalogued code with its symbol, domain, meaning, thread count, top topics and API classes', () => {
    const found = resolveErrorSegment('-9836', catalog)!;
    const threads = {
      total: 12,
      facets: facets(
        { tls: 9, 'content-filter': 2, vpn: 2 },
        { NWConnection: 5, URLSession: 7, NWProtocolTLS: 5, SecTrust: 1, A: 1, B: 1, C: 1, Z: 0 },
      ),
    };
    expect(errorShareCard(found, threads, TOPICS)).toEqual({
      kicker: 'SecureTransport (OSStatus)',
      title: '-9836 errSSLPeerProtocolVersion',
      subtitle: 'The peer does not support the TLS protocol version offered.',
      facts: ['12 threads on Apple Developer Forums', 'TLS and certificates', 'Content filters'],
      tags: ['URLSession', 'NWConnection', 'NWProtocolTLS', 'A', 'B', 'C'],
    });
  });

  it('shows a code only the threads know as such, with one thread and a topic without a name', () => {
    const found = resolveErrorSegment('-9999', catalog)!;
    const threads = { total: 1, facets: facets({ vpn: 1 }, {}) };
    expect(errorShareCard(found, threads, TOPICS)).toEqual({
      kicker: 'Error code',
      title: '-9999',
      subtitle: 'Not in our catalog yet.',
      facts: ['1 thread on Apple Developer Forums', 'vpn'],
      tags: [],
    });
  });
});
