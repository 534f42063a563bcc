import type { ForumCount } from '@/lib/search/types';
import { siteConfig } from './site-config';

/** What the site calls itself: the name (header, titles, feeds, OpenSearch), its description and footer line. */
export type SiteIdentity = { name: string; description: string; footer: string };

/** Short forms of forum names the site's name uses: `Network Extension` → `NE Forum Search`. */
const SHORT_NAMES: Readonly<Record<string, string>> = { 'Network Extension': 'NE' };

const WHAT = 'error codes, API classes, OS versions and topics';

/**
 * The site's identity for the forums its index holds. One forum (or none, an index not built yet): named after
 * that forum, as the site has always been (`NE Forum Search`, "… about Network Extension", "… Network Extension
 * tag"). Several: neutral, counting them (`Apple Developer Forums search`, "threads from 3 forums").
 */
export function siteIdentity(forums: readonly ForumCount[]): SiteIdentity {
  if (forums.length > 1) {
    return {
      name: 'Apple Developer Forums search',
      description: `Search Apple Developer Forums threads from ${forums.length} forums: ${WHAT}.`,
      footer: `Threads from ${forums.length} Apple Developer Forums.`,
    };
  }
  const forum = forums[0];
  if (!forum || forum.name === siteConfig.forum) {
    return { name: siteConfig.name, description: siteConfig.description, footer: siteConfig.footer };
  }
  const kind = forum.kinds[0] ?? 'tag';
  return {
    name: `${SHORT_NAMES[forum.name] ?? forum.name} Forum Search`,
    description: `Search Apple Developer Forums threads about ${forum.name}: ${WHAT}.`,
    footer: `Threads from the Apple Developer Forums, ${forum.name} ${kind}.`,
  };
}
