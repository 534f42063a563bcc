import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  toggleFacetValue,
  withOsMin,
  withPage,
  withQuery,
  withSort,
} from '@/lib/web/facet-url';
import { parseSearchParams } from '@/lib/web/search-params';
import { searchHref } from '@/lib/web/search-url';
import { lastPage, pageWindow } from '@/lib/web/page-window';

const state = parseSearchParams(
  new URLSearchParams('q=tls&api=NWConnection&code=-9836&osmin=iOS 17&sort=views&page=4'),
).state;

describe('facet URL building', () => {
  it('adds a value, keeps the other selections, and goes back to page 1', () => {
    expect(searchHref(toggleFacetValue(state, 'api', 'NEHotspotHelper'))).toEqual(
      '/?q=tls&api=NWConnection&api=NEHotspotHelper&code=-9836&osmin=iOS+17&sort=views',
    );
  });

  it('removes a selected value and keeps the rest', () => {
    expect(searchHref(toggleFacetValue(state, 'api', 'NWConnection'))).toEqual(
      '/?q=tls&code=-9836&osmin=iOS+17&sort=views',
    );
  });

  it('toggling twice gives back the same selection', () => {
    const twice = toggleFacetValue(toggleFacetValue(state, 'topic', 'dns'), 'topic', 'dns');
    expect(twice).toEqual({ ...state, page: 1 });
  });

  it('clears every filter but keeps the query and sort', () => {
    expect(searchHref(clearFilters(state))).toEqual('/?q=tls&sort=views');
  });

  it('sets and removes the OS lower bound', () => {
    expect(searchHref(withOsMin(state, 'macOS 14'))).toEqual(
      '/?q=tls&api=NWConnection&code=-9836&osmin=macOS+14&sort=views',
    );
    expect(searchHref(withOsMin(state, undefined))).toEqual('/?q=tls&api=NWConnection&code=-9836&sort=views');
  });

  it('changes sort and query on page 1, and pages keep everything else', () => {
    expect(withSort(state, 'relevance').page).toEqual(1);
    expect(searchHref(withSort(state, 'relevance'))).toEqual(
      '/?q=tls&api=NWConnection&code=-9836&osmin=iOS+17',
    );
    expect(searchHref(withQuery(state, 'dns'))).toEqual(
      '/?q=dns&api=NWConnection&code=-9836&osmin=iOS+17&sort=views',
    );
    expect(searchHref(withPage(state, 5))).toEqual(
      '/?q=tls&api=NWConnection&code=-9836&osmin=iOS+17&sort=views&page=5',
    );
  });
});

describe('pagination window', () => {
  it('shows first, last and two pages either side of the current one, with gaps as 0', () => {
    expect([pageWindow(1, 1), pageWindow(1, 4), pageWindow(7, 20), pageWindow(20, 20)]).toEqual([
      [1],
      [1, 2, 3, 4],
      [1, 0, 5, 6, 7, 8, 9, 0, 20],
      [1, 0, 18, 19, 20],
    ]);
  });
});

describe('lastPage', () => {
  it('is the page of the last result, 1 with none', () => {
    expect([0, 1, 20, 21, 100].map((total) => lastPage(total, 20))).toEqual([1, 1, 1, 2, 5]);
  });
});
