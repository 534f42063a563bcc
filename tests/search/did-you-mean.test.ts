import { beforeAll, describe, expect, it } from 'vitest';
import { allowedTypos, closestWord, matchCase, sortedTerms, suggestQuery } from '@/lib/search/did-you-mean';
import { typoMatches } from '@/lib/search/typos';
import { buildVocabulary, type Vocabulary } from '@/lib/search/vocabulary';
import { realPosts } from '../helpers/engines';

/** A hand-made vocabulary: word → posts. */
const vocabularyOfCounts = (counts: Record<string, number>): Vocabulary =>
  new Map(Object.entries(counts).map(([form, count]) => [form.toLowerCase(), { form, count }]));

describe('the typo walk did-you-mean shares with the embedded engine', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    const terms = ['contnet', 'hte', 'provder', 'sitting', 'tunnnel'];
    const distances = (word: string, max: number) =>
      typoMatches(terms, word, max).map((m) => [terms[m.term], m.distance]);
    expect([
      distances('tunnel', 1),
      distances('provider', 1),
      distances('the', 1),
      distances('content', 1),
      distances('kitten', 3),
    ]).toEqual([[['tunnnel', 1]], [['provder', 1]], [['hte', 1]], [['contnet', 1]], [['sitting', 3]]]);
  });
});

describe('allowedTypos', () => {
  it('allows none below 3 letters, one up to 5, two up to 9, three beyond', () => {
    expect([2, 3, 5, 6, 9, 10, 14].map(allowedTypos)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe('matchCase', () => {
  it('writes a correction in the case the user typed, an identifier as it is written', () => {
    expect([
      matchCase('vpm', 'VPN'),
      matchCase('VPM', 'vpn'),
      matchCase('Contnet', 'content'),
      matchCase('nehotspothelpr', 'NEHotspotHelper'),
    ]).toEqual(['vpn', 'VPN', 'Content', 'NEHotspotHelper']);
  });
});

describe('did you mean, over the vocabulary of the real dump', () => {
  let vocabulary: Vocabulary;
  beforeAll(async () => {
    vocabulary = buildVocabulary(await realPosts());
  }, 60_000);

  it('corrects the typos of issue 12 word by word', () => {
    expect(suggestQuery('vpm', vocabulary)).toEqual('vpn');
    expect(suggestQuery('contnet fitler provdr', vocabulary)).toEqual('content filter provider');
    expect(suggestQuery('hotspt configuraton', vocabulary)).toEqual('hotspot configuration');
  });

  it('corrects misspelt words and keeps the known ones', () => {
    expect(suggestQuery('packet tunnnel provder', vocabulary)).toEqual('packet tunnel provider');
    expect(suggestQuery('pakcet tunel', vocabulary)).toEqual('packet tunnel');
    expect(suggestQuery('extensn cnofgiruation', vocabulary)).toEqual('extension configuration');
  });

  it('writes an identifier as its API class does, and other words in the case typed', () => {
    expect(suggestQuery('nehotspothelpr', vocabulary)).toEqual('NEHotspotHelper');
    expect(suggestQuery('VPM', vocabulary)).toEqual('VPN');
    expect(closestWord('NEHotspotHelpr', vocabulary)).toEqual('NEHotspotHelper');
  });

  it('never changes codes, API names, operators, phrases or exclusions, and keeps the spacing', () => {
    expect(suggestQuery('-9836 api:NWConection "tunnnel provder" -tunnnel', vocabulary)).toEqual(null);
    expect(suggestQuery('NWConection', vocabulary)).toEqual(null);
    expect(suggestQuery('NWProtocolTLS.Optons errsslpeerprotocolversoin', vocabulary)).toEqual(null);
    expect(suggestQuery('errSSLPeerProtocolVersoin nsurlerrordomian', vocabulary)).toEqual(null);
    expect(suggestQuery('IP_RECVF  tunnnel 0xbaadca1 os:"iOS 18"', vocabulary)).toEqual(
      'IP_RECVF  tunnel 0xbaadca1 os:"iOS 18"',
    );
  });

  it('says nothing when every word is known', () => {
    expect(suggestQuery('tunnel', vocabulary)).toEqual(null);
    expect(suggestQuery('vpn -9836', vocabulary)).toEqual(null);
  });
});

describe('did you mean, over hand-made vocabularies', () => {
  it('picks the fewest edits, then the word in most posts, then the first in alphabetical order', () => {
    const vocabulary = vocabularyOfCounts({ vpn: 40, vpns: 90, pvn: 3, vpc: 40 });
    expect(closestWord('vpm', vocabulary)).toEqual('vpc');
    expect(closestWord('vpnn', vocabulary)).toEqual('vpns');
  });

  it('takes a rare known word for a typo when a close word is twenty times as frequent', () => {
    const vocabulary = vocabularyOfCounts({ filter: 40, fitler: 2, provider: 39, provdier: 2 });
    expect(suggestQuery('fitler provdier', vocabulary)).toEqual('filter provdier');
  });

  it('keeps a known word held by more than two posts', () => {
    const vocabulary = vocabularyOfCounts({ filter: 400, filer: 3 });
    expect(suggestQuery('filer', vocabulary)).toEqual(null);
  });

  it('walks the terms sorted, whatever order a vocabulary iterates in', () => {
    const vocabulary = vocabularyOfCounts({ zeta: 1, tunnel: 5, alpha: 2 });
    expect(sortedTerms(vocabulary)).toEqual(['alpha', 'tunnel', 'zeta']);
    expect(suggestQuery('tunnnel alpah', vocabulary)).toEqual('tunnel alpha');
  });

  it('never suggests a word of fewer than three letters, nor corrects one', () => {
    const vocabulary = vocabularyOfCounts({ vpn: 40 });
    expect([suggestQuery('vp', vocabulary), closestWord('vp', vocabulary)]).toEqual([null, null]);
  });
});
