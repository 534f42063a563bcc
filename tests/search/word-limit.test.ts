import { describe, expect, it } from 'vitest';
import { planSearch } from '@/lib/search/plan';
import { parseQuery } from '@/lib/search/query';
import { limitQueryWords, QUERY_WORDS_LIMIT, queryWords } from '@/lib/search/word-limit';

describe('the shared query-word limit', () => {
  it('counts words as Meilisearch’s tokenizer makes them', () => {
    expect({
      limit: QUERY_WORDS_LIMIT,
      identifier: queryWords('ip_recvif'),
      version: queryWords('18.3.2'),
      chinese: queryWords('vpn连接'),
    }).toEqual({
      limit: 10,
      identifier: ['ip', 'recvif'],
      version: ['18', '3', '2'],
      chinese: ['vpn', '连', '接'],
    });
  });

  it('keeps exclusions and phrases first, then terms while they fit; drops the first that does not and all after', () => {
    const { parsed, dropped } = limitQueryWords(
      parseQuery('-proxy "per app" tls handshake fails on ios 18.3.2 after the update today'),
    );
    expect({ terms: parsed.terms, phrases: parsed.phrases, excludes: parsed.excludes, dropped }).toEqual({
      // The phrase counts 1, `18.3.2` 3: ten words with `after`.
      terms: ['tls', 'handshake', 'fails', 'on', 'ios', '18.3.2', 'after'],
      phrases: [['per', 'app']],
      excludes: ['proxy'],
      dropped: ['the', 'update', 'today'],
    });
  });

  it('leaves a short query whole, and the plan reports what it dropped', () => {
    expect(limitQueryWords(parseQuery('NEPacketTunnelProvider crash')).dropped).toEqual([]);
    expect(planSearch({ q: 'a b c d e f g h i j k l' }).droppedWords).toEqual(['k', 'l']);
  });
});
