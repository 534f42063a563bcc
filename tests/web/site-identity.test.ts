import { describe, expect, it } from 'vitest';
import { siteIdentity } from '@/lib/web/site-identity';

const NE = { name: 'Network Extension', kinds: ['tag' as const], count: 20 };
const WWDC = { name: 'WWDC25', kinds: ['event' as const], count: 2 };

describe('siteIdentity', () => {
  it('keeps the Network Extension wording for an index of that forum alone, or of none yet', () => {
    const expected = {
      name: 'NE Forum Search',
      description:
        'Search Apple Developer Forums threads about Network Extension: error codes, API classes, OS versions and topics.',
      footer: 'Threads from the Apple Developer Forums, Network Extension tag.',
    };
    expect(siteIdentity([NE])).toEqual(expected);
    expect(siteIdentity([])).toEqual(expected);
  });

  it('names the one other forum an index holds, with its kind', () => {
    expect(siteIdentity([{ name: 'Networking', kinds: ['subtopic'], count: 3 }])).toEqual({
      name: 'Networking Forum Search',
      description:
        'Search Apple Developer Forums threads about Networking: error codes, API classes, OS versions and topics.',
      footer: 'Threads from the Apple Developer Forums, Networking subtopic.',
    });
  });

  it('stops saying Network Extension once the index holds two forums', () => {
    expect(siteIdentity([NE, WWDC])).toEqual({
      name: 'Apple Developer Forums search',
      description:
        'Search Apple Developer Forums threads from 2 forums: error codes, API classes, OS versions and topics.',
      footer: 'Threads from 2 Apple Developer Forums.',
    });
  });
});
