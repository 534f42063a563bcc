'use client';

import { usePathname, useSearchParams } from 'next/navigation';

/** Parameters of the search page that do not change which threads a feed lists. */
const NOT_IN_FEED = ['page', 'expand'];

/** The footer's Atom feed link: on the search page, the feed of the search shown (its query and filters). */
export function FeedLink() {
  const pathname = usePathname();
  const params = new URLSearchParams(useSearchParams().toString());
  for (const name of NOT_IN_FEED) params.delete(name);
  const qs = pathname === '/' ? params.toString() : '';
  return <a href={qs ? `/feed.xml?${qs}` : '/feed.xml'}>Atom feed{qs ? ' of this search' : ''}</a>;
}
