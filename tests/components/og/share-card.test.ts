import { describe, expect, it } from 'vitest';
import { titleFontSize } from '@/components/og/share-card';

describe('titleFontSize', () => {
  it('is 64 px for a short title and 52 px past 70 characters', () => {
    expect(titleFontSize('-9836 errSSLPeerProtocolVersion')).toEqual(64);
    expect(
      titleFontSize('How do I keep a packet tunnel up while the device sleeps on cellular and Wi-Fi'),
    ).toEqual(52);
  });

  it('shrinks until the longest word, which cannot wrap, fits one line, but not below 32 px', () => {
    // 55 characters: 1072 px / (55 × 0.52 em) = 37 px.
    expect(
      titleFontSize(
        'NEHotspotConfigurationErrorDomain 14 NEHotspotConfigurationErrorApplicationIsNotInForeground',
      ),
    ).toEqual(37);
    expect(titleFontSize('x'.repeat(200))).toEqual(32);
  });
});
