import { NextResponse, type NextRequest } from 'next/server';
import { ParamError } from '@/lib/errors';
import { engineIsUp } from '@/lib/web/engine-health';
import { RETRY_AFTER_SECONDS } from '@/lib/web/engine-status';
import { parseSearchParams } from '@/lib/web/search-params';

/** Where a direct request for the engine-down page goes while the engine answers: no such page, a 404. */
const NOT_FOUND = '/unavailable/not-found';

/** Whether the search page's parameters are bad (the page then shows which, and must answer 400). */
function hasBadParams(request: NextRequest): boolean {
  if (request.nextUrl.pathname !== '/') return false;
  try {
    parseSearchParams(request.nextUrl.searchParams);
    return false;
  } catch (error) {
    if (error instanceof ParamError) return true;
    throw error;
  }
}

/**
 * Pages cannot set their own status, so the proxy does: a search page with a bad parameter answers 400 (the
 * page shows the notice naming it); while the engine is unreachable, page requests get the 503 page of
 * `app/unavailable`, which is a 404 when asked for directly while the engine answers.
 */
export async function proxy(request: NextRequest) {
  if (hasBadParams(request)) return NextResponse.rewrite(request.nextUrl, { status: 400 });
  const up = await engineIsUp();
  if (up && request.nextUrl.pathname === '/unavailable') {
    const target = request.nextUrl.clone();
    target.pathname = NOT_FOUND;
    target.search = '';
    return NextResponse.rewrite(target, { status: 404 });
  }
  if (up) return NextResponse.next();
  const target = request.nextUrl.clone();
  target.pathname = '/unavailable';
  target.search = '';
  const response = NextResponse.rewrite(target, { status: 503 });
  response.headers.set('Retry-After', RETRY_AFTER_SECONDS);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = {
  matcher: [
    '/',
    '/posts/:path*',
    '/errors/:path*',
    '/apis/:path*',
    '/topics/:path*',
    '/forums',
    '/unavailable',
  ],
};
