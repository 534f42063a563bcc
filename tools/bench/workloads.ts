import type { Post } from '../../lib/posts/schema';
import type { WorkloadName } from './report';

/** Filters of a benchmark query: values within a facet OR, facets AND (as in SearchRequest). */
export type BenchFilters = { topic: string[]; api: string[]; os: string[]; code: string[] };

/** One benchmark query: text, filters, and whether facet counts on all four facets are wanted. */
export type BenchQuery = { q: string; filters: BenchFilters; facets: boolean; limit: number };

export type Workload = { name: WorkloadName; queries: BenchQuery[] };

const NO_FILTERS: BenchFilters = { topic: [], api: [], os: [], code: [] };
const LIMIT = 20;

/** Plain full-text queries: words of the forum vocabulary, one to three of them. */
const FULL_TEXT = [
  'packet tunnel',
  'vpn',
  'content filter',
  'transparent proxy',
  'hotspot ssid',
  'certificate handshake',
  'system extension',
  'dns proxy',
  'memory leak',
  'connection server',
  'captive portal',
  'on-demand rule',
  'NWConnection',
  'NEPacketTunnelProvider',
  'entitlement sandbox',
  'socket flow',
  'background crash',
  'Wi-Fi cellular',
  'tunnel settings routes',
  'push provider',
];

/** Error codes in the forms users type them: with and without sign, `0x` and case, symbols, domains. */
const ERROR_CODES = [
  '-9836',
  '9836',
  '0xbaadca11',
  'baadca11',
  '0xBAADCA11',
  'errSSLPeerProtocolVersion',
  '0xdead10cc',
  'dead10cc',
  '-9806',
  '9806',
  '-9802',
  'OSSystemExtensionErrorDomain code 1',
  'NEVPNErrorDomain Code=5',
  '-1009',
];

/** Queries with one typo in a word of four letters or more. */
const TYPOS = [
  'pakcet tunnel',
  'conection failed',
  'hotspt helper',
  'certifcate',
  'transparant proxy',
  'contnet filter',
  'notarizaton',
  'sandbx entitlement',
  'handshke',
  'captve portal',
  'NEPacketTunelProvider',
  'NWConection',
  'backgroud task',
  'disconects',
  'extention',
  'configuraton',
];

/**
 * Problems described the way developers write them: most hold a word no post has, so no post has every word and
 * the engine falls back to partial matches (issue 12); peers, which require every word, find nothing.
 */
const NATURAL = [
  'packet tunnel never reconnects after the mac wakes up',
  'content filter suddenly stops seeing any traffic',
  'my transparent proxy drops connections randomly',
  'hotspot helper crashes whenever the ssid changes',
  'vpn connection keeps failing with a weird certificate error',
  'system extension stuck forever waiting for user approval',
  'dns proxy ignores queries from some apps',
  'app extension memory grows until jetsam kills it',
  'on demand rules never trigger on cellular',
  'push provider does not start on the ipad',
  'socket flow gets closed unexpectedly by the system',
  'captive portal page never shows up for guests',
];

/** The most frequent values of a facet over the posts, most frequent first. */
function topValues(posts: readonly Post[], values: (p: Post) => readonly string[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const post of posts) for (const v of values(post)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([v]) => v);
}

/**
 * Text + two filters + counts on all four facets. Filters are picked from the corpus's frequent topics, API
 * classes and error codes (exact values in every engine; OS labels are left out because ours filters OS by range).
 */
function filteredQueries(posts: readonly Post[]): BenchQuery[] {
  const topics = topValues(posts, (p) => p.topics, 4);
  const apis = topValues(posts, (p) => p.apiClasses, 4);
  const codes = topValues(posts, (p) => p.errorCodes, 3);
  const words = ['connection', 'error', 'app', 'extension', 'network', 'traffic'];
  const queries: BenchQuery[] = [];
  let w = 0;
  const add = (filters: Partial<BenchFilters>) =>
    queries.push({
      q: words[w++ % words.length]!,
      filters: { ...NO_FILTERS, ...filters },
      facets: true,
      limit: LIMIT,
    });
  for (const topic of topics) for (const api of apis.slice(0, 2)) add({ topic: [topic], api: [api] });
  for (const topic of topics.slice(0, 2)) for (const code of codes) add({ topic: [topic], code: [code] });
  for (const api of apis.slice(0, 2)) for (const code of codes.slice(0, 2)) add({ api: [api], code: [code] });
  return queries;
}

const plain = (q: string): BenchQuery => ({ q, filters: NO_FILTERS, facets: false, limit: LIMIT });

/** The five workloads of the benchmark, the filtered one drawn from the posts' own facet values. */
export function buildWorkloads(posts: readonly Post[]): Workload[] {
  return [
    { name: 'full-text', queries: FULL_TEXT.map(plain) },
    { name: 'filtered-facets', queries: filteredQueries(posts) },
    { name: 'error-codes', queries: ERROR_CODES.map(plain) },
    { name: 'typos', queries: TYPOS.map(plain) },
    { name: 'natural', queries: NATURAL.map(plain) },
  ];
}
