import { toApiPost } from '@/lib/web/api-response';
import { loadPost } from '@/lib/web/post-loader';
import { errorResponse, jsonError } from '@/lib/web/route-responses';

export const dynamic = 'force-dynamic';

/** `GET /api/posts/[slug]` → one post as JSON, or 404. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> {
  try {
    const { slug } = await params;
    const post = await loadPost(slug);
    if (!post) return jsonError(404, `No post with slug "${slug.slice(0, 100)}".`, 'slug');
    return Response.json(toApiPost(post));
  } catch (error) {
    return errorResponse(error);
  }
}
