import { ImageResponse } from 'next/og';
import { ShareCard, type ShareCardData } from '@/components/og/share-card';
import { cardFont } from './og-font';

/** The size of a link-preview image (Open Graph's recommended 1.91:1). */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };

/**
 * A PNG link-preview card drawn on the server, under the site's name (which follows the index's forums). Every text is cut to the glyphs of the bundled font first, so
 * `next/og` never has a character to fetch a font or an emoji for: the rest are left out.
 */
export function shareImage(card: ShareCardData, site: string): ImageResponse {
  const font = cardFont();
  const data = {
    site: font.keep(site),
    kicker: font.keep(card.kicker),
    title: font.keep(card.title) || 'Thread',
    subtitle: font.keep(card.subtitle ?? ''),
    facts: card.facts.map(font.keep).filter(Boolean),
    tags: card.tags.map(font.keep).filter(Boolean).slice(0, 8),
  };
  return new ImageResponse(<ShareCard {...data} />, {
    ...SHARE_IMAGE_SIZE,
    fonts: [{ name: font.name, data: font.data, weight: 400, style: 'normal' }],
  });
}
