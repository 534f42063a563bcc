import { describe, expect, it } from 'vitest';
import { groupOsFacet } from '@/lib/web/os-facet';

describe('groupOsFacet', () => {
  it('groups by platform in canonical order, newest version first, comparing versions as numbers', () => {
    expect(
      groupOsFacet({
        'iOS 9.3': 1,
        'macOS 15.0': 2,
        'iOS 18.3.2': 3,
        'iOS 17.4': 1,
        'iPadOS 16.6': 1,
        junk: 4,
      }),
    ).toEqual([
      {
        platform: 'iOS',
        values: [
          { label: 'iOS 18.3.2', count: 3, number: 18003002 },
          { label: 'iOS 17.4', count: 1, number: 17004000 },
          { label: 'iOS 9.3', count: 1, number: 9003000 },
        ],
        majors: [9, 17, 18],
      },
      { platform: 'iPadOS', values: [{ label: 'iPadOS 16.6', count: 1, number: 16006000 }], majors: [16] },
      { platform: 'macOS', values: [{ label: 'macOS 15.0', count: 2, number: 15000000 }], majors: [15] },
    ]);
  });
});
