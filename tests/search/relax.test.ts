import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/search/query';
import {
  droppableTerms,
  droppedByCount,
  hasMandatoryPart,
  isMandatoryTerm,
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

  it('names the whole groups the best hit lacks, in query order', () => {
    const groups = [['network'], ['never', 'shows']];
    expect(droppedByCount(groups, 1, ['never', 'shows', 'network'])).toEqual(['network']);
    expect(droppedByCount(groups, 2, ['never', 'shows', 'network'])).toEqual(['never', 'shows', 'network']);
  });
});
