import { describe, expect, it } from 'vitest';
import { buildMultiSearch, matchedTermsOf, meiliQuery } from '@/lib/search/meilisearch/query';
import { partQuery } from '@/lib/search/meilisearch/relaxed-query';
import { planSearch } from '@/lib/search/plan';
import { parseQuery } from '@/lib/search/query';

describe('the query string sent to Meilisearch', () => {
  it('ends with a space when the query does, so its last word is no prefix in the all-words search too', () => {
    const plan = planSearch({ q: 'memory never released ' });
    expect(buildMultiSearch(plan, 'posts').queries[0]!.q).toBe('memory never released ');
    expect(partQuery(plan, ['never', 'released'])).toBe('never released ');
    expect(meiliQuery(parseQuery('memory never released')).q).toBe('memory never released');
  });
});

describe('the terms a hit matched', () => {
  it('reads the same words however many hits were read before (no regex state kept between calls)', () => {
    const hit = {
      title: 'Wi-Fi drops when on cellular',
      body: '',
      _matchesPosition: { title: [{ start: 0, length: 5 }] },
    };
    const first = matchedTermsOf(hit);
    const again = matchedTermsOf({ ...hit, _matchesPosition: { title: [{ start: 20, length: 8 }] } });
    expect({ first, again, third: matchedTermsOf(hit) }).toEqual({
      first: ['wi', 'fi'],
      again: ['cellular'],
      third: ['wi', 'fi'],
    });
  });
});
