import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/search/query';
import {
  droppableTerms,
  hasMandatoryPart,
  isMandatoryTerm,
  partialRanks,
  removalGroups,
} from '@/lib/search/relax';

describe('the partial-match drop rule', () => {
  it('drops the most frequent words first, equal frequencies together, a word matching nothing before all', () => {
    expect(
      removalGroups(['safari', 'never', 'shows', 'network', 'prompt'], [1, 3, 2, 15, 0], true, 'frequency'),
    ).toEqual([['prompt'], ['network'], ['never'], ['shows'], ['safari']]);
    expect(removalGroups(['a', 'b', 'c'], [5, 2, 2], true)).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps the last group when nothing in the query is mandatory, as Meilisearch does', () => {
    expect(removalGroups(['vpn', 'widget', 'never'], [9, 1, 1], false)).toEqual([['vpn']]);
    expect(removalGroups(['widget'], [1], false)).toEqual([]);
    expect(removalGroups(['widget'], [1], true)).toEqual([['widget']]);
  });

  it('with `last`, drops from the end one word at a time', () => {
    expect(removalGroups(['vpn', 'widget', 'never'], [9, 1, 1], false, 'last')).toEqual([
      ['never'],
      ['widget'],
    ]);
  });

  it('never drops codes, API names, identifiers or phrases', () => {
    expect(
      ['9836', '0xbaadca11', 'errsslpeerprotocolversion', 'packettunnelprovider', 'ip_recvif'].map(
        isMandatoryTerm,
      ),
    ).toEqual([true, true, true, true, true]);
    expect(['connection', 'never', 'tunnel', 'error'].map(isMandatoryTerm)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const parsed = parseQuery('"per app" vpn -proxy api:NWConnection 9836 never');
    expect({ droppable: droppableTerms(parsed), mandatory: hasMandatoryPart(parsed) }).toEqual({
      droppable: ['vpn', 'never'],
      mandatory: true,
    });
  });

  it('ranks fewer lacking words first, then the set lacking fewer words of the rarer groups', () => {
    // words: never (group 0, most frequent), shows (group 1), safari (no group: kept, the rarest).
    const ranks = partialRanks(['never', 'shows', 'safari'], [['never'], ['shows']])!;
    const order = [0b111, 0b110, 0b101, 0b011, 0b100, 0b010, 0b001, 0b000];
    expect(order.map((mask) => ranks[mask])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(partialRanks([], [])).toBeNull();
    // Two words of one kept group (a tie of the rarest): a post with either still ranks.
    expect(Array.from(partialRanks(['never', 'shows'], [])!)).toEqual([2, 1, 1, 0]);
  });

  it('ranks equally the sets that lack as many words of each group', () => {
    const ranks = partialRanks(['a', 'b', 'c'], [['a', 'b'], ['c']])!;
    expect([ranks[0b110], ranks[0b101], ranks[0b011]]).toEqual([1, 1, 2]);
  });
});
