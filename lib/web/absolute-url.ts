import { requestOrigin } from './request-origin';

/** An absolute URL on this site for a root-relative path such as `/posts/x`: on SITE_URL or the request's host. */
export async function absoluteUrl(path: string): Promise<string> {
  return new URL(path, await requestOrigin()).toString();
}

/** Turns root-relative paths into absolute URLs on one origin (for feeds and sitemaps built in one go). */
export function onOrigin(origin: string): (path: string) => string {
  return (path) => new URL(path, origin).toString();
}
