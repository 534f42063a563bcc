import { describe, expect, it } from 'vitest';
import * as labelsModule from '@/lib/posts/os-labels';
import {
  combineOsRanges,
  compareOsVersions,
  osCondition,
  parseOsLabel,
  parseOsRange,
} from '@/lib/posts/os-labels';

describe('parseOsLabel', () => {
  it.each([
    ['iOS 18.3.2', { platform: 'iOS', version: '18.3.2', label: 'iOS 18.3.2', number: 18003002 }],
    ['ios 17', { platform: 'iOS', version: '17', label: 'iOS 17', number: 17000000 }],
    ['iOS17', { platform: 'iOS', version: '17', label: 'iOS 17', number: 17000000 }],
    ['  MACOS 15.0 ', { platform: 'macOS', version: '15.0', label: 'macOS 15.0', number: 15000000 }],
    ['ipados 16.6', { platform: 'iPadOS', version: '16.6', label: 'iPadOS 16.6', number: 16006000 }],
  ])('parses %j', (label, expected) => {
    expect(parseOsLabel(label)).toEqual(expected);
  });

  it.each(['iOS', 'iOS 18 and more', 'iOS 2025', 'hello', ''])('rejects %j', (label) => {
    expect(parseOsLabel(label)).toBeNull();
  });
});

describe('compareOsVersions', () => {
  it('orders numerically, not as strings', () => {
    const versions = ['iOS 17.4', 'iOS 9.3', 'iOS 17.10', 'iOS 17.4.1'].map((l) => parseOsLabel(l)!);
    expect([...versions].sort(compareOsVersions).map((o) => o.label)).toEqual([
      'iOS 9.3',
      'iOS 17.4',
      'iOS 17.4.1',
      'iOS 17.10',
    ]);
  });

  it('breaks numeric ties by platform name', () => {
    const a = parseOsLabel('iPadOS 17')!;
    const b = parseOsLabel('iOS 17')!;
    expect(compareOsVersions(a, b)).toBeGreaterThan(0);
    expect(compareOsVersions(b, a)).toBeLessThan(0);
    expect(compareOsVersions(b, b)).toBe(0);
  });
});

describe('osCondition', () => {
  it.each([
    ['iOS 18', { platform: 'iOS', min: 18_000_000, max: 18_999_999, label: 'iOS 18' }],
    ['ios 18.3', { platform: 'iOS', min: 18_003_000, max: 18_003_999, label: 'iOS 18.3' }],
    ['iOS 18.3.2', { platform: 'iOS', min: 18_003_002, max: 18_003_002, label: 'iOS 18.3.2' }],
    ['iPadOS16.6', { platform: 'iPadOS', min: 16_006_000, max: 16_006_999, label: 'iPadOS 16.6' }],
    ['macOS Sonoma', { platform: 'macOS', min: 14_000_000, max: 14_999_999, label: 'macOS 14' }],
  ])('reads %j as the versions it names at the precision written', (label, expected) => {
    expect(osCondition(label)).toEqual(expected);
  });

  it.each([
    ['macOS', { platform: 'macOS', min: 0, max: 99_999_999, label: 'macOS' }],
    ['ipad os', { platform: 'iPadOS', min: 0, max: 99_999_999, label: 'iPadOS' }],
    [' IOS ', { platform: 'iOS', min: 0, max: 99_999_999, label: 'iOS' }],
  ])('reads the platform alone, %j, as every version of it', (label, expected) => {
    expect(osCondition(label)).toEqual(expected);
  });

  it.each(['Windows 11', 'iOS 2025', 'mac', ''])('is null for %j', (label) => {
    expect(osCondition(label)).toBeNull();
  });
});

describe('lib/posts/os-labels public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(labelsModule).sort()).toEqual([
      'SCAN',
      'combineOsRanges',
      'compareOsVersions',
      'fromMatch',
      'osCondition',
      'parseOsLabel',
      'parseOsRange',
    ]);
  });
});

describe('parseOsRange', () => {
  it.each([
    ['iOS>=17', { platform: 'iOS', min: 17_000_000 }],
    ['ios >= 17.2', { platform: 'iOS', min: 17_002_000 }],
    ['iOS>17', { platform: 'iOS', min: 18_000_000 }],
    ['iOS>17.2', { platform: 'iOS', min: 17_003_000 }],
    ['macOS<15', { platform: 'macOS', max: 14_999_999 }],
    ['macOS<=15', { platform: 'macOS', max: 15_999_999 }],
    ['iPad OS <= 16.6', { platform: 'iPadOS', max: 16_006_999 }],
    ['macOS<10.15', { platform: 'macOS', max: 10_014_999 }],
  ])('reads %j at the precision written', (text, expected) => {
    expect(parseOsRange(text)).toEqual(expected);
  });

  it.each(['iOS 17', 'iOS=17', 'iOS>=', 'iOS>=2025', 'macOS<9', 'Windows>=10', '>=17', 'iOS>=17 and more'])(
    'rejects %j',
    (text) => {
      expect(parseOsRange(text)).toBeNull();
    },
  );
});

describe('combineOsRanges', () => {
  it('intersects ranges on one platform and keeps platforms apart, in first-seen order', () => {
    expect(
      combineOsRanges([
        { platform: 'iOS', min: 17_000_000 },
        { platform: 'macOS', max: 14_999_999 },
        { platform: 'iOS', max: 17_999_999 },
        { platform: 'iOS', min: 16_000_000 },
      ]),
    ).toEqual([
      { platform: 'iOS', min: 17_000_000, max: 17_999_999 },
      { platform: 'macOS', max: 14_999_999 },
    ]);
  });

  it('keeps an empty intersection as min above max', () => {
    expect(
      combineOsRanges([
        { platform: 'iOS', min: 18_000_000 },
        { platform: 'iOS', max: 16_999_999 },
      ]),
    ).toEqual([{ platform: 'iOS', min: 18_000_000, max: 16_999_999 }]);
  });

  it('keeps an unbounded range unbounded', () => {
    expect(combineOsRanges([{ platform: 'visionOS' }])).toEqual([{ platform: 'visionOS' }]);
  });
});
