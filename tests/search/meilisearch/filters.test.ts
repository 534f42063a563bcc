import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planSearch } from '@/lib/search/plan';
import {
  buildFilter,
  equalsClause,
  facetClause,
  idOrSlugFilter,
  quoteFilterValue,
  rangeClause,
} from '@/lib/search/meilisearch/filters';

/**
 * Meilisearch's filter parser reads a quoted value up to the first `"` not preceded by `\`, skipping the character
 * after every `\` (filter-parser `quoted_by`). Returns the index of the closing quote in `literal`, or -1.
 */
function closingQuoteIndex(literal: string): number {
  for (let i = 1; i < literal.length; i++) {
    if (literal[i] === '\\') i++;
    else if (literal[i] === '"') return i;
  }
  return -1;
}

describe('quoteFilterValue', () => {
  it('quotes a plain value as is', () => {
    expect(quoteFilterValue('dns')).toEqual('"dns"');
  });

  it('escapes double quotes', () => {
    expect(quoteFilterValue('say "hi"')).toEqual('"say \\"hi\\""');
  });

  it('escapes backslashes, including a trailing one that would otherwise escape the closing quote', () => {
    expect(quoteFilterValue('C:\\path')).toEqual('"C:\\\\path"');
    expect(quoteFilterValue('a\\')).toEqual('"a\\\\"');
  });

  it('keeps an injection attempt inside the quotes', () => {
    const literal = quoteFilterValue('") OR (1=1');
    expect(literal).toEqual('"\\") OR (1=1"');
    expect(closingQuoteIndex(literal)).toEqual(literal.length - 1);
  });

  it('never lets any value close the quote early', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const literal = quoteFilterValue(value);
        expect(closingQuoteIndex(literal)).toEqual(literal.length - 1);
      }),
      { seed: 1313 },
    );
  });
});

describe('clauses', () => {
  it('builds an escaped equality on one of our attributes', () => {
    expect(equalsClause('apiClasses', 'NWConnection" OR id EXISTS')).toEqual(
      'apiClasses = "NWConnection\\" OR id EXISTS"',
    );
  });

  it('builds inclusive numeric ranges, one-sided bounds, and nothing without bounds', () => {
    expect(rangeClause('activityKey', 202501, 202505)).toEqual('activityKey 202501 TO 202505');
    expect(rangeClause('activityKey', 202501)).toEqual('activityKey >= 202501');
    expect(rangeClause('activityKey', undefined, 202505)).toEqual('activityKey <= 202505');
    expect(rangeClause('activityKey')).toEqual(null);
  });

  it('refuses a non-integer bound', () => {
    expect(() => rangeClause('os_iOS', 1.5)).toThrow(RangeError);
  });

  it('matches a post by id or slug', () => {
    expect(idOrSlugFilter('tls-error')).toEqual('id = "tls-error" OR slug = "tls-error"');
  });
});

describe('facetClause', () => {
  it('ORs the values of one facet inside parentheses', () => {
    const plan = planSearch({ filters: { topic: ['DNS', 'vpn'], api: [], os: [], code: [] } });
    expect(facetClause(plan, 'topic')).toEqual('(topics = "dns" OR topics = "vpn")');
    expect(facetClause(plan, 'api')).toEqual(null);
  });

  it('turns OS labels into numeric ranges on the platform attribute, and keeps unknown labels as exact values', () => {
    const plan = planSearch({
      filters: { topic: [], api: [], os: ['iOS 18', 'macos 15.0', 'Android 14'], code: [] },
    });
    expect(facetClause(plan, 'os')).toEqual(
      '(os_iOS 18000000 TO 18999999 OR os_macOS 15000000 TO 15000999 OR osVersions = "Android 14")',
    );
  });

  it('ORs forum names on forumNames, white space tidied (the server compares them case-insensitively)', () => {
    const plan = planSearch({ q: 'forum:wwdc25', filters: { forum: [' Network  Extension '] } });
    expect(facetClause(plan, 'forum')).toEqual('(forumNames = "Network Extension" OR forumNames = "wwdc25")');
    expect(buildFilter(plan, 'forum')).toEqual(undefined);
  });

  it('filters error codes in their canonical form', () => {
    const plan = planSearch({ filters: { topic: [], api: [], os: [], code: ['9836', 'baadca11'] } });
    expect(facetClause(plan, 'code')).toEqual('(errorCodes = "-9836" OR errorCodes = "0xBAADCA11")');
  });
});

describe('buildFilter', () => {
  it('is undefined without any filter', () => {
    expect(buildFilter(planSearch({ q: 'vpn' }))).toEqual(undefined);
  });

  it('ANDs facets in facet order, then the OS range and the activity bounds', () => {
    const plan = planSearch({
      q: 'code:-9836',
      filters: {
        topic: ['tls'],
        api: ['NWConnection', 'NWProtocolTLS.Options'],
        os: ['iOS 18'],
        code: [],
        osRange: { platform: 'iPadOS', min: 16000000 },
        activityFrom: '2025-01',
        activityTo: '2025-05',
      },
    });
    expect(buildFilter(plan)).toEqual(
      '(topics = "tls") AND (apiClasses = "NWConnection" OR apiClasses = "NWProtocolTLS.Options") AND ' +
        '(os_iOS 18000000 TO 18999999) AND (errorCodes = "-9836") AND os_iPadOS >= 16000000 AND ' +
        'activityKey 202501 TO 202505',
    );
  });

  it('leaves out one facet for its disjunctive counts, keeping every other filter', () => {
    const plan = planSearch({
      filters: { topic: ['dns'], api: ['NEDNSProxyProvider'], os: [], code: [], activityFrom: '2025-03' },
    });
    expect(buildFilter(plan, 'topic')).toEqual(
      '(apiClasses = "NEDNSProxyProvider") AND activityKey >= 202503',
    );
    expect(buildFilter(plan, 'api')).toEqual('(topics = "dns") AND activityKey >= 202503');
  });

  it('ANDs os: range operators with the request range: intersected per platform, an empty one matching nothing', () => {
    const plan = planSearch({
      q: 'os:"iOS<18" os:"macOS<15" vpn',
      filters: { topic: [], api: [], os: [], code: [], osRange: { platform: 'iOS', min: 17_000_000 } },
    });
    expect(plan.selected.os).toEqual([]);
    expect(buildFilter(plan)).toEqual('os_iOS 17000000 TO 17999999 AND os_macOS <= 14999999');
    expect(buildFilter(planSearch({ q: 'os:"iOS>=18" os:iOS<17' }))).toEqual('id NOT EXISTS');
  });

  it('filters an unbounded OS range as any version of the platform', () => {
    const plan = planSearch({
      filters: { topic: [], api: [], os: [], code: [], osRange: { platform: 'visionOS' } },
    });
    expect(buildFilter(plan)).toEqual('os_visionOS >= 0');
  });

  it('keeps hostile values quoted in the full filter', () => {
    const plan = planSearch({ filters: { topic: ['") OR (1=1'], api: ['a\\'], os: [], code: [] } });
    expect(buildFilter(plan)).toEqual('(topics = "\\") or (1=1") AND (apiClasses = "a\\\\")');
  });
});
