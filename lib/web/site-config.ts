/**
 * Site-wide configuration as typed data: name, description, navigation. The name and description are those of an
 * index of the Network Extension forum alone; `siteIdentity` gives the ones of the index being served.
 */
export const siteConfig = {
  name: 'NE Forum Search',
  description:
    'Search Apple Developer Forums threads about Network Extension: error codes, API classes, OS versions and topics.',
  /** The footer line of an index of the one forum below (`siteIdentity` words it for other forums). */
  footer: 'Threads from the Apple Developer Forums, Network Extension tag.',
  /** The forum the name and description above are about: the bundled dump's. */
  forum: 'Network Extension',
  nav: [
    { href: '/', label: 'Search' },
    { href: '/errors', label: 'Error codes' },
    { href: '/apis', label: 'APIs' },
    { href: '/topics', label: 'Topics' },
    { href: '/forums', label: 'Forums' },
  ],
  /** Results per page on the search page. */
  perPage: 20,
  /** Facet values shown before "show more". */
  facetVisible: 8,
  /**
   * Facet values the search page lists per facet (per platform for OS versions): the most frequent and every
   * selected one. The rest are one link away (`expand=<facet>` lists a facet whole), which keeps the page small
   * when an index has thousands of values.
   */
  facetListed: 50,
  /** The same for each platform's OS versions (six platforms share one facet). */
  osListed: 20,
} as const;

/** Display names of the facets. */
export const FACET_LABELS = {
  topic: 'Topic',
  api: 'API class',
  os: 'OS version',
  code: 'Error code',
  forum: 'Forum',
} as const;

/** Display names of the sort orders. */
export const SORT_LABELS = {
  relevance: 'Relevance',
  activity: 'Newest activity',
  views: 'Most viewed',
  replies: 'Most replies',
  boosts: 'Most boosts',
} as const;
