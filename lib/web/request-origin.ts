import { headers } from 'next/headers';
import { serverEnv, type ServerEnv } from '@/lib/env';

/** Reads one request header (lower-case name); null when absent. */
export type HeaderReader = (name: string) => string | null;

/** A DNS name (labels of letters, digits and inner hyphens), IPv4 or bracketed IPv6, with an optional port. */
const HOST =
  /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]{2,45}\])(?::(\d{1,5}))?$/i;

/** Where links point when the request names no usable host. */
export const FALLBACK_ORIGIN = 'http://localhost';

/** `host` when it is a valid host name with a port in range, lower-cased; null otherwise. */
export function validHost(host: string | null | undefined): string | null {
  const value = host?.trim() ?? '';
  if (value.length === 0 || value.length > 255) return null;
  const m = HOST.exec(value);
  if (!m || (m[1] !== undefined && Number(m[1]) > 65_535)) return null;
  return value.toLowerCase();
}

/** The first value of a list header (`a, b` → `a`). */
const firstValue = (value: string | null) => value?.split(',')[0]?.trim() ?? null;

/**
 * The origin absolute links use: `SITE_URL` when set; else the request's `Host` (or, with `TRUST_PROXY=1`
 * only, `X-Forwarded-Host` and `X-Forwarded-Proto`), used only when it is a valid host name; else
 * `http://localhost`. A client cannot point canonical links, feeds or the sitemap elsewhere.
 */
export function originFrom(header: HeaderReader, env: Pick<ServerEnv, 'SITE_URL' | 'TRUST_PROXY'>): string {
  if (env.SITE_URL) return new URL(env.SITE_URL).origin;
  const forwarded = env.TRUST_PROXY ? validHost(firstValue(header('x-forwarded-host'))) : null;
  const host = forwarded ?? validHost(header('host'));
  if (!host) return FALLBACK_ORIGIN;
  const proto = env.TRUST_PROXY ? firstValue(header('x-forwarded-proto'))?.toLowerCase() : undefined;
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

/** The origin of the request being rendered (pages, metadata and route handlers). */
export async function requestOrigin(): Promise<string> {
  const list = await headers();
  return originFrom((name) => list.get(name), serverEnv());
}
