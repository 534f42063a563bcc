import { serverEnv } from '@/lib/env';

/** An absolute URL on this site (from SITE_URL) for a root-relative path such as `/posts/x`. */
export function absoluteUrl(path: string): string {
  return new URL(path, serverEnv().SITE_URL).toString();
}
