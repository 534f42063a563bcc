import { randomBytes } from 'node:crypto';

/** A fresh nonce for one response's scripts: 16 random bytes, base64. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of every response. Scripts only from our origin or inline with this response's
 * nonce (Next.js puts it on its own inline scripts when it finds the policy in the request's headers), so
 * markup that slipped through a `dangerouslySetInnerHTML` still runs nothing; no plugins, no `<base>`
 * elsewhere, forms only to us, and no framing (`frame-ancestors`). Styles may be inline (React's `style`
 * attributes and the engine-down page), which runs no code.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The security headers of every response the web server sends, pages, feed, JSON and errors alike. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
  };
}
