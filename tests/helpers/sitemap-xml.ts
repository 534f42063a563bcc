/** A sitemap document read back: its root element, namespace, and the `<loc>` of each entry in order. */
export type ParsedSitemap = { root: string; namespace: string | null; entryTags: string[]; locs: string[] };

/**
 * Parse a sitemap or sitemap index as XML with the DOM's `DOMParser` (a test file in the jsdom environment)
 * and read its entries by walking the tree (a live `getElementsByTagName` over 50,000 entries takes a minute).
 * Throws with the parser's message when the document is not well-formed.
 */
export function parseSitemap(xml: string): ParsedSitemap {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const root = document.documentElement;
  const error = root.tagName === 'parsererror' ? root : root.querySelector(':scope > parsererror');
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ''}`);
  const entryTags = new Set<string>();
  const locs: string[] = [];
  for (let entry = root.firstElementChild; entry; entry = entry.nextElementSibling) {
    entryTags.add(entry.tagName);
    const loc = entry.firstElementChild;
    locs.push(loc?.tagName === 'loc' ? (loc.textContent ?? '') : `<no loc in ${entry.tagName}>`);
  }
  return { root: root.tagName, namespace: root.namespaceURI, entryTags: [...entryTags], locs };
}
