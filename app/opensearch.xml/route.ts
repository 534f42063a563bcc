import { openSearchXml } from '@/lib/web/opensearch';
import { requestOrigin } from '@/lib/web/request-origin';
import { currentSiteIdentity } from '@/lib/web/site-forums';

export const dynamic = 'force-dynamic';

/** `GET /opensearch.xml`: the OpenSearch description every page links from its head. */
export async function GET(): Promise<Response> {
  return new Response(openSearchXml(await requestOrigin(), await currentSiteIdentity()), {
    headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' },
  });
}
