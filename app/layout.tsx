import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Suspense, type ReactNode } from 'react';
import { FeedLink } from '@/components/feed-link';
import { SiteSearch } from '@/components/search/site-search';
import { SlashFocus } from '@/components/search/slash-focus';
import { requestOrigin } from '@/lib/web/request-origin';
import { siteConfig } from '@/lib/web/site-config';
import { currentSiteIdentity } from '@/lib/web/site-forums';
// Self-hosted fonts, so a page reads the same on a machine with no fonts of its own: Latin, Chinese (in
// unicode-range slices, fetched only for the characters a page shows) and code.
import '@fontsource-variable/noto-sans';
import '@fontsource-variable/noto-sans-sc';
import '@fontsource-variable/noto-sans-mono';
import './globals.css';

/**
 * Site-wide metadata, named after the forums the index holds (`siteIdentity`); relative canonical and `og:url`
 * links resolve against the request's origin.
 */
export async function generateMetadata(): Promise<Metadata> {
  const site = await currentSiteIdentity();
  return {
    metadataBase: new URL(await requestOrigin()),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.description,
    openGraph: { siteName: site.name, type: 'website' },
    twitter: { card: 'summary_large_image' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#14161a' },
  ],
};

/**
 * The shell of every page: skip link, header with navigation, main landmark, footer. Rendered per request
 * (`connection`), the 404 page too: Next.js puts the nonce of each response's Content-Security-Policy on its
 * inline scripts only when it renders them, and a page prerendered at build time would have none.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const site = await currentSiteIdentity();
  return (
    <html lang="en">
      <head>
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          title={site.name}
          href="/opensearch.xml"
        />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-name">
            {site.name}
          </Link>
          <nav aria-label="Site">
            <ul>
              {siteConfig.nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <SiteSearch />
        </header>
        <SlashFocus />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {site.footer} Not affiliated with Apple.{' '}
            <Suspense fallback={<a href="/feed.xml">Atom feed</a>}>
              <FeedLink />
            </Suspense>
          </p>
        </footer>
      </body>
    </html>
  );
}
