import { beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import {
  apiForms,
  buildVocabulary,
  isMixedCase,
  storedVocabulary,
  StoredVocabulary,
  vocabularyFrom,
  vocabularyOf,
} from '@/lib/search/vocabulary';
import { realPosts } from '../helpers/engines';

let posts: Post[];
beforeAll(async () => {
  posts = await realPosts();
}, 60_000);

/** A real post with its texts replaced. */
function postWith(text: Pick<Post, 'title' | 'body'> & Partial<Post>): Post {
  return { ...posts[0]!, errorCodeVariants: [], feedbackIds: [], apiClasses: [], ...text };
}

describe('buildVocabulary', () => {
  it('counts each word once per post that holds it, whole tokens and their parts, no short word nor digit', () => {
    const vocabulary = buildVocabulary([
      postWith({ title: 'Tunnel tunnel', body: 'The NEHotspotHelper tunnel fails: -9836 on iOS 18' }),
      postWith({ title: 'A tunnel', body: 'hotspot helper' }),
    ]);
    expect(Object.fromEntries([...vocabulary].map(([key, w]) => [key, w.count]))).toEqual({
      tunnel: 2,
      the: 1,
      nehotspothelper: 1,
      hotspot: 2,
      helper: 2,
      fails: 1,
      ios: 1,
    });
  });

  it('writes an identifier as its API class does, every other word as the index term', () => {
    const vocabulary = buildVocabulary([
      postWith({
        title: 'nehotspothelper and NWProtocolTLS.Options',
        body: 'PacketTunnelProvider in a VPN',
        apiClasses: ['NEHotspotHelper', 'NWProtocolTLS.Options', 'NEPacketTunnelProvider'],
      }),
    ]);
    expect(
      ['nehotspothelper', 'hotspothelper', 'nwprotocoltls', 'options', 'packettunnelprovider', 'vpn'].map(
        (key) => vocabulary.get(key)?.form,
      ),
    ).toEqual([
      'NEHotspotHelper',
      'HotspotHelper',
      'NWProtocolTLS',
      'options',
      'PacketTunnelProvider',
      'vpn',
    ]);
  });

  it('holds the words of the real dump, with the posts of each', () => {
    const vocabulary = buildVocabulary(posts);
    expect(vocabulary.size).toEqual(1172);
    expect(
      ['vpn', 'provider', 'configuration', 'hotspot', 'content', 'filter'].map(
        (w) => vocabulary.get(w)?.count,
      ),
    ).toEqual([9, 11, 6, 3, 1, 1]);
    expect(vocabulary.get('nehotspothelper')).toEqual({ form: 'NEHotspotHelper', count: 1 });
    expect([...vocabulary.keys()].filter((key) => /\d/.test(key) || key.length < 3)).toEqual([]);
  });
});

describe('vocabularyOf', () => {
  it('keeps the terms of three letters or more without a digit, held by a post at least, in term order', () => {
    const vocabulary = vocabularyOf(
      [
        ['vpn', 3],
        ['ip', 4],
        ['9836', 2],
        ['fb12345', 1],
        ['gone', 0],
        ['nwconnection', 2],
      ],
      ['NWConnection'],
    );
    expect([...vocabulary]).toEqual([
      ['nwconnection', { form: 'NWConnection', count: 2 }],
      ['vpn', { form: 'vpn', count: 3 }],
    ]);
  });
});

describe('apiForms and isMixedCase', () => {
  it('takes the mixed-case spellings of API names, their aliases and their pieces', () => {
    expect([...apiForms(['NEHotspotHelper', 'IP_RECVIF', 'NWProtocolTLS.Options'])]).toEqual([
      ['nehotspothelper', 'NEHotspotHelper'],
      ['hotspothelper', 'HotspotHelper'],
      ['nwprotocoltls.options', 'NWProtocolTLS.Options'],
      ['nwprotocoltls', 'NWProtocolTLS'],
      ['protocoltls.options', 'ProtocolTLS.Options'],
      ['protocoltls', 'ProtocolTLS'],
    ]);
    expect(['macOS', 'VPN', 'Configuration', 'vpn', 'NEVPNManager'].map(isMixedCase)).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('the stored shape', () => {
  it('lists the most frequent words first, then by term, and reads back the same vocabulary', () => {
    const vocabulary = buildVocabulary(posts);
    const stored = storedVocabulary(vocabulary);
    expect(StoredVocabulary.parse(stored)).toEqual(stored);
    expect(stored.words.slice(0, 3)).toEqual(['the', 'and', 'with']);
    expect(stored.counts.slice(0, 3)).toEqual([19, 18, 16]);
    expect(vocabularyFrom(stored)).toEqual(vocabulary);
  });

  it('refuses words and counts of different lengths', () => {
    expect(StoredVocabulary.safeParse({ words: ['vpn'], counts: [] }).success).toEqual(false);
  });
});
