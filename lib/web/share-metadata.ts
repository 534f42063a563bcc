import type { Metadata } from 'next';
import { siteConfig } from './site-config';

type Share = { title: string; description: string; url: string; type: 'article' | 'website' };

/**
 * The link-preview metadata of a page: Open Graph with the site name (a page's `openGraph` replaces the
 * layout's whole, so each page names the site again) and a large Twitter card.
 */
export function shareMetadata({
  title,
  description,
  url,
  type,
}: Share): Pick<Metadata, 'openGraph' | 'twitter'> {
  return {
    openGraph: { type, title, description, url, siteName: siteConfig.name },
    twitter: { card: 'summary_large_image', title, description },
  };
}
