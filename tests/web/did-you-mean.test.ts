import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closestWord, editDistance, suggestQuery } from '@/lib/web/did-you-mean';
import { buildVocabulary } from '@/lib/web/vocabulary';

const dump = readFileSync('content/dumps/network-extension-forum-dump.txt', 'utf8');
const vocabulary = buildVocabulary(dump.split('\n'));

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect([
      editDistance('tunnel', 'tunnnel'),
      editDistance('provder', 'provider'),
      editDistance('hte', 'the'),
    ]).toEqual([1, 1, 1]);
    expect(editDistance('kitten', 'sitting')).toEqual(3);
  });
});

describe('did you mean, over the words of the real dump', () => {
  it('corrects misspelt words and keeps the known ones', () => {
    expect(suggestQuery('packet tunnnel provder', vocabulary)).toEqual('packet tunnel provider');
  });

  it('writes a correction in the case the user typed, except identifiers', () => {
    expect(suggestQuery('pakcet tunel', vocabulary)).toEqual('packet tunnel');
    expect(suggestQuery('nehotspothelpr', vocabulary)).toEqual('NEHotspotHelper');
  });

  it('corrects a misspelt API name to its written form', () => {
    expect(closestWord('NEHotspotHelpr', vocabulary)).toEqual('NEHotspotHelper');
  });

  it('leaves codes, operators, phrases and exclusions alone, and says nothing when nothing changes', () => {
    expect(suggestQuery('-9836 api:NWConection "tunnnel provder" -tunnnel', vocabulary)).toEqual(null);
    expect(suggestQuery('tunnel', vocabulary)).toEqual(null);
  });

  it('allows two typos from 7 letters and three from 10', () => {
    expect(suggestQuery('extensn cnofgiruation', vocabulary)).toEqual('extension configuration');
  });

  it('does not guess for short words', () => {
    expect(suggestQuery('vpm', vocabulary)).toEqual(null);
  });
});
