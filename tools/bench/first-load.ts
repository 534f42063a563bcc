import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript files a page loads first, from its HTML: `<script src>` and `<link rel="preload" as="script">`
 * under `/_next/static/`, deduplicated; `noModule` polyfills are left out (modern browsers skip them).
 */
export function firstLoadScripts(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1]!;
    if (/\bnomodule\b/i.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (src?.startsWith('/_next/static/')) found.add(src);
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = m[1]!;
    if (!/\brel="preload"/i.test(attrs) || !/\bas="script"/i.test(attrs)) continue;
    const href = /\bhref="([^"]+)"/i.exec(attrs)?.[1];
    if (href?.startsWith('/_next/static/')) found.add(href);
  }
  return [...found].map((src) => src.split('?')[0]!);
}

/** The gzip size (level 9, as Next's build output counts it) of a page's first-load scripts, in kB. */
export async function firstLoadJsKb(appDir: string, html: string): Promise<{ kb: number; files: number }> {
  let bytes = 0;
  const scripts = firstLoadScripts(html);
  for (const src of scripts) {
    const file = path.join(appDir, '.next', decodeURIComponent(src.replace(/^\/_next\//, '')));
    bytes += gzipSync(await readFile(file), { level: 9 }).length;
  }
  return { kb: Math.round((bytes / 1000) * 10) / 10, files: scripts.length };
}
