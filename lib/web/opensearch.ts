import { escapeXml } from './feed';
import type { SiteIdentity } from './site-identity';

/** The OpenSearch description of the site's search, so a browser's address bar can search it. */
export function openSearchXml(origin: string, site: Pick<SiteIdentity, 'name' | 'description'>): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  <ShortName>${escapeXml(site.name)}</ShortName>`,
    `  <Description>${escapeXml(site.description)}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    `  <Url type="text/html" method="get" template="${escapeXml(origin)}/?q={searchTerms}"/>`,
    `  <Url type="application/atom+xml" template="${escapeXml(origin)}/feed.xml?q={searchTerms}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeXml(origin)}/opensearch.xml"/>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
