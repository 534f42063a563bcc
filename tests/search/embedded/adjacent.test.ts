import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followsInText, standsNextTo } from '@/lib/search/embedded/adjacent';
import { indexTokens, queryTokens } from '@/lib/search/tokenize';

/** The check without the scan: the two terms adjacent in the query tokens or in the index tokens. */
const tokenCheck = (text: string, left: string, right: string) => {
  const pair = ` ${left} ${right} `;
  return (
    ` ${queryTokens(text).join(' ')} `.includes(pair) || ` ${indexTokens(text).join(' ')} `.includes(pair)
  );
};

describe('standsNextTo', () => {
  it('holds for whole words apart only by separators, and for the parts of one identifier', () => {
    expect(standsNextTo('the Wi-Fi drops', 'wi', 'fi')).toBe(true);
    expect(standsNextTo('wi, fi', 'wi', 'fi')).toBe(true);
    expect(standsNextTo('call createUDPSessionToEndpoint', 'create', 'udpsessiontoendpoint')).toBe(false);
    expect(standsNextTo('call create UDPSessionToEndpoint', 'create', 'udpsessiontoendpoint')).toBe(true);
    expect(standsNextTo('call createUDPSession', 'create', 'udp')).toBe(true);
    expect(standsNextTo('set IP_RECVIF on it', 'ip', 'recvif')).toBe(true);
  });

  it('fails for halves apart, in the wrong order, or inside other words', () => {
    expect(standsNextTo('wi then fi', 'wi', 'fi')).toBe(false);
    expect(standsNextTo('Fi-Wi', 'wi', 'fi')).toBe(false);
    expect(standsNextTo('kiwi-five', 'wi', 'fi')).toBe(false);
  });

  it('scans the text for the right term after the left one, across non-letters only', () => {
    expect(followsInText('wi — fi', 'wi', 'fi')).toBe(true);
    expect(followsInText('wix fi', 'wi', 'fi')).toBe(false);
    expect(followsInText('wi fi', 'fi', 'wi')).toBe(false);
  });

  const word = fc.constantFrom('wi', 'fi', 'wifi', 'Wi', 'FI', 'kiwi', 'fiwi', 'x');
  const textOf = (sep: fc.Arbitrary<string>) =>
    fc
      .array(fc.tuple(word, sep), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
  const term = fc.constantFrom('wi', 'fi', 'wifi', 'kiwi', 'x');

  it('agrees with the token check on texts of whole words and separators', () => {
    fc.assert(
      fc.property(textOf(fc.constantFrom(' ', '-', ', ', ' (')), term, term, (t, l, r) => {
        return standsNextTo(t, l, r) === tokenCheck(t, l, r);
      }),
      { seed: 1313, numRuns: 2000 },
    );
  });

  it('holds only where the token check does, identifiers included (where it is stricter: no repeated part skipped)', () => {
    fc.assert(
      fc.property(textOf(fc.constantFrom(' ', '-', '.', '_', '')), term, term, (t, l, r) => {
        return !standsNextTo(t, l, r) || tokenCheck(t, l, r);
      }),
      { seed: 1313, numRuns: 2000 },
    );
    // `wi_kiwi_wi x`: the index tokens skip the repeated part (`… wi kiwi x`); `kiwi` does not stand next to `x`.
    expect([standsNextTo('wi_kiwi_wi x', 'kiwi', 'x'), tokenCheck('wi_kiwi_wi x', 'kiwi', 'x')]).toEqual([
      false,
      true,
    ]);
  });
});
