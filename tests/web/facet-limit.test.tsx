// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FacetPanel } from '@/components/search/facet-panel';
import type { FacetCounts } from '@/lib/search/types';
import { facetTotals, limitFacets, topFacetValues } from '@/lib/web/facet-limit';
import { EMPTY_STATE, type SearchState } from '@/lib/web/search-params';

afterEach(cleanup);

/** `count` values named prefix00…, the first the most frequent. */
function values(prefix: string, count: number): Record<string, number> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${String(i).padStart(2, '0')}`, 1000 - i]),
  );
}

const facets: FacetCounts = {
  topic: { 'dns-proxy': 4, 'packet-tunnel-vpn': 9 },
  api: values('NEApi', 60),
  os: {
    ...Object.fromEntries(Array.from({ length: 55 }, (_, i) => [`iOS 17.${i}`, 500 - i])),
    'macOS 15': 3,
  },
  code: { '-9836': 2 },
  forum: { 'Network Extension': 12, WWDC25: 3 },
};

describe('facet value limits (JSON API)', () => {
  it('keeps a facet within the limit whole', () => {
    expect(topFacetValues({ b: 1, a: 2 }, 2)).toEqual({ b: 1, a: 2 });
  });

  it('cuts a facet to its most frequent values, equal counts in value order', () => {
    expect(Object.entries(topFacetValues({ b: 2, d: 1, a: 2, c: 5 }, 3))).toEqual([
      ['c', 5],
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('keeps exactly what sorting every entry by count, then value, and cutting keeps (property)', () => {
    const reference = (counts: Record<string, number>, limit: number) =>
      Object.entries(counts)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, limit);
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 12 }), { maxKeys: 60 }),
        fc.integer({ min: 1, max: 70 }),
        (counts, limit) => {
          // Integer-like keys ("7") are listed first by any JavaScript object, so compare as sorted entries.
          const cut = Object.entries(topFacetValues(counts, limit));
          const sorted = [...cut].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
          expect(sorted).toEqual(reference(counts, limit));
        },
      ),
      { numRuns: 2000, seed: 1313 },
    );
  });

  it('keeps a value named __proto__ as an ordinary key', () => {
    const counts = JSON.parse('{"__proto__": 5, "a": 1, "b": 3}') as Record<string, number>;
    expect(Object.entries(topFacetValues(counts, 2))).toEqual([
      ['__proto__', 5],
      ['b', 3],
    ]);
  });

  it('cuts every facet and counts the values each had', () => {
    const cut = limitFacets(facets, 1);
    expect(cut).toEqual({
      topic: { 'packet-tunnel-vpn': 9 },
      api: { NEApi00: 1000 },
      os: { 'iOS 17.0': 500 },
      code: { '-9836': 2 },
      forum: { 'Network Extension': 12 },
    });
    expect(facetTotals(facets)).toEqual({ topic: 2, api: 60, os: 56, code: 1, forum: 2 });
  });
});

/** The links of one facet section of the rendered panel: [href, text of the label]. */
function facetLinks(container: HTMLElement, facet: string): Array<[string | null, string]> {
  const section = container.querySelector(`section[aria-labelledby="facet-${facet}"]`)!;
  return [...section.querySelectorAll('li a')].map((a) => [
    a.getAttribute('href'),
    a.querySelector('.label')?.firstChild?.textContent ?? '',
  ]);
}

function renderPanel(state: SearchState) {
  return render(<FacetPanel state={state} facets={facets} labels={{ topic: {}, code: {} }} />).container;
}

describe('FacetPanel on a facet with more values than a page lists', () => {
  it('lists the 50 most frequent values and links to the whole facet', () => {
    const container = renderPanel(EMPTY_STATE);
    const links = facetLinks(container, 'api');
    expect({ linksLength: links.length, links0: links[0], links49: links[49] }).toEqual({
      linksLength: 50,
      links0: ['/?api=NEApi00', 'NEApi00'],
      links49: ['/?api=NEApi49', 'NEApi49'],
    });
    const cut = container.querySelector('section[aria-labelledby="facet-api"] .facet-cut')!;
    expect({ text: cut.textContent, href: cut.querySelector('a')?.getAttribute('href') }).toEqual({
      text: '50 of 60 values. List all 60',
      href: '/?expand=api#facet-api',
    });
  });

  it('keeps a selected value that is not among the most frequent, listed first', () => {
    const links = facetLinks(renderPanel({ ...EMPTY_STATE, api: ['NEApi59'] }), 'api');
    expect({ linksLength: links.length, links0: links[0], links1: links[1] }).toEqual({
      linksLength: 50,
      links0: ['/', 'NEApi59'],
      links1: ['/?api=NEApi59&api=NEApi00', 'NEApi00'],
    });
  });

  it('lists the expanded facet whole, keeps it expanded through its links, and links back', () => {
    const container = renderPanel({ ...EMPTY_STATE, expand: 'api' });
    const links = facetLinks(container, 'api');
    expect({ count: links.length, first: links[0]?.[0], last: links[59]?.[0] }).toEqual({
      count: 60,
      first: '/?api=NEApi00&expand=api',
      last: '/?api=NEApi59&expand=api',
    });
    const cut = container.querySelector('section[aria-labelledby="facet-api"] .facet-cut a')!;
    expect({ text: cut.textContent, href: cut.getAttribute('href') }).toEqual({
      text: 'Only the most frequent values',
      href: '/#facet-api',
    });
    expect(
      container.querySelector('section[aria-labelledby="facet-api"] details')?.hasAttribute('open'),
    ).toEqual(true);
  });

  it('cuts OS versions to 20 per platform, and leaves short facets without a link', () => {
    const container = renderPanel(EMPTY_STATE);
    const os = facetLinks(container, 'os').map(([, label]) => label);
    expect({ osLength: os.length, os0: os[0], os19: os[19], os20: os[20] }).toEqual({
      osLength: 21,
      os0: 'iOS 17.0',
      os19: 'iOS 17.19',
      os20: 'macOS 15',
    });
    expect(
      [...container.querySelectorAll('section[aria-labelledby="facet-os"] .facet-cut a')].map((a) =>
        a.getAttribute('href'),
      ),
    ).toEqual(['/?expand=os#facet-os']);
    expect(container.querySelector('section[aria-labelledby="facet-topic"] .facet-cut')).toEqual(null);
  });
});
