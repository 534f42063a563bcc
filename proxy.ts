import { NextResponse, type NextRequest } from 'next/server';
import { engineIsUp } from '@/lib/web/engine-health';

/** Pages cannot set their own status: while the engine is unreachable, answer page requests with the 503 page of `app/unavailable`. */
export async function proxy(request: NextRequest) {
  if (await engineIsUp()) return NextResponse.next();
  const target = request.nextUrl.clone();
  target.pathname = '/unavailable';
  target.search = '';
  const response = NextResponse.rewrite(target, { status: 503 });
  response.headers.set('Retry-After', '30');
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = {
  matcher: ['/', '/posts/:path*', '/errors/:path*', '/apis/:path*', '/topics/:path*'],
};
