/** One entry of an Atom feed. */
export type FeedEntry = {
  /** A stable, unique IRI: the thread's permalink. */
  id: string;
  title: string;
  link: string;
  /** RFC 3339 timestamp; null when the post carries no date (the entry then takes the feed's own `updated`). */
  updated: string | null;
  /** Plain text. */
  summary: string;
  categories?: string[];
};

/** An Atom feed: metadata plus entries. */
export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL. */
  selfUrl: string;
  /** The HTML page the feed mirrors. */
  alternateUrl: string;
  /** The feed's `<author>` (Atom requires one unless every entry has its own). */
  author: string;
  /** RFC 3339: when the feed was made; its `updated` when no entry has a known date. */
  generatedAt: string;
  entries: FeedEntry[];
};

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escape text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** `2025-05` → `2025-05-01T00:00:00Z`; null (no known month) stays null. */
export function monthToTimestamp(month: string | null): string | null {
  return month ? `${month}-01T00:00:00Z` : null;
}

/** A time as RFC 3339 to the second: `2026-12-03T13:20:00Z`. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Serialise a feed as Atom 1.0 XML; every text and attribute value escaped. The feed is dated by its newest
 * entry, or when it was made if no entry has a date; an entry with no date of its own takes the feed's date
 * (Atom requires one on each entry, and the epoch would say 1970).
 */
export function buildAtomFeed(feed: AtomFeed): string {
  const latest = feed.entries
    .map((e) => e.updated)
    .filter((u): u is string => u !== null)
    .sort()
    .at(-1);
  const updated = latest ?? feed.generatedAt;
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `    <updated>${escapeXml(e.updated ?? updated)}</updated>`,
      ...(e.categories ?? []).map((c) => `    <category term="${escapeXml(c)}"/>`),
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
