import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActivity } from '@/lib/ingest/activity';
import { parseCount } from '@/lib/ingest/counts';

const asOf = new Date('2025-06-15T00:00:00Z');

/** The months as an activity date may begin with (`Mar ’26`, `Sept. 2024`). */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';

/**
 * The activity forms as parseActivity reads them after trimming and lower-casing, without its quick rejection:
 * a real month name (`aaa 91` is none), an ISO date of a month 01–12, the words, a relative age.
 */
function activityByPatterns(text: string): boolean {
  const t = text.trim().toLowerCase();
  return (
    new RegExp(`^${MONTH}[a-z]*\\.?\\s+(?:[’'‘\`]?(\\d{2})|(\\d{4}))$`).test(t) ||
    /^(\d{4})-(0[1-9]|1[0-2])(?:-\d{2})?(?:[t ][\d:.]+z?)?$/.test(t) ||
    t === 'now' ||
    t === 'just now' ||
    t === 'yesterday' ||
    /^(\d{1,4})\s*(s|sec|m|min|h|hr|d|w|mo|y|yr)s?(?:\s+ago)?$/.test(t)
  );
}

/** Lines like those the parser tries as values: titles, labels, counts, dates, words, padded or not. */
const valueLike = fc.oneof(
  fc.constantFrom(
    'Replies',
    'Activity',
    'Created',
    'now',
    'Just now',
    ' YESTERDAY ',
    'yesterdays',
    'Yesterday ago',
    'May ’25',
    'Sept. 2024',
    '2025-05-01T12:00:00.000Z',
    '3.3k',
    '1,234',
    '12 K',
    '9h',
    '2w ago',
    '\u00a0now\u2028',
    'writePackets never called',
    'K', // the Kelvin sign lower-cases to k
  ),
  fc
    .array(fc.constantFrom('a', 'M', 'y', ' ', '1', '9', ',', '.', '’', '-', 'k', 'ago', 'now', 'İ', 'K'), {
      maxLength: 12,
    })
    .map((parts) => parts.join('')),
  fc.string({ maxLength: 20 }),
);

describe('parseActivity and parseCount reject at once what cannot be a value', () => {
  it('parseActivity finds a month exactly when one of its patterns matches (the quick rejection loses none)', () => {
    fc.assert(
      fc.property(valueLike, (text) => {
        expect(parseActivity(text, asOf) !== undefined).toBe(activityByPatterns(text));
      }),
      { numRuns: 5000, seed: 1313 },
    );
  });

  it('reads the word forms in any case and padding, and nothing longer', () => {
    expect(parseActivity(' YESTERDAY ', asOf)).toEqual('2025-06');
    expect(parseActivity('Just now', asOf)).toEqual('2025-06');
    expect(parseActivity('yesterdays', asOf)).toBeUndefined();
    expect(parseActivity('Mar ’26', asOf)).toEqual('2026-03');
    expect(parseActivity('2w ago', asOf)).toEqual('2025-06');
  });

  it('parseCount reads counts whatever their padding, and no line that does not start with a digit', () => {
    expect(parseCount(' 3.3k ')).toEqual(3300);
    expect(parseCount('1,234')).toEqual(1234);
    expect(parseCount('12 K')).toEqual(12000);
    expect(parseCount('k3')).toBeNull();
    expect(parseCount('.5k')).toBeNull();
    expect(parseCount('')).toBeNull();
    fc.assert(
      fc.property(valueLike, (text) => {
        const byPattern = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kKmM])?$/.test(text.trim());
        if (!byPattern) expect(parseCount(text)).toBeNull();
      }),
      { numRuns: 2000, seed: 1313 },
    );
  });
});
