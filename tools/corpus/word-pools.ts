import type { ErrorCatalog } from '../../lib/catalog/error-catalog';
import type { Topic } from '../../lib/catalog/topics';
import { splitDomainCode } from '../../lib/catalog/error-entry';
import { API_PHRASE_ALIASES, API_WORD_ALIASES, KNOWN_API_SYMBOLS } from '../../lib/enrich/api-symbols';
import { FILLER_WORDS } from './words';
import { ZipfSampler } from './prng';

/** One error code and every way posts write it: `-9836`, `error -9836`, `errSSLPeerProtocolVersion`. */
export type CodeVocab = { code: string; forms: string[] };

/** One topic's words: its keywords (prefix `*` dropped) and its API symbols. */
export type TopicVocab = { slug: string; keywords: string[]; apis: string[] };

/** Everything the generator draws from, each with skewed (Zipf-like) frequencies. */
export type WordPools = {
  words: ZipfSampler<string>;
  apis: ZipfSampler<string>;
  /** Other spellings of an API symbol (`PacketTunnelProvider`, `packet tunnel provider`). */
  apiSpellings: ReadonlyMap<string, readonly string[]>;
  codes: ZipfSampler<CodeVocab>;
  topics: ZipfSampler<TopicVocab>;
};

/** The API symbols users ask about most, first; the rest of the curated list follows in its own order. */
const POPULAR_APIS = [
  'NEPacketTunnelProvider',
  'NWConnection',
  'NEHotspotHelper',
  'NETransparentProxyProvider',
  'NETunnelProviderManager',
  'NEAppPushProvider',
  'NEFilterDataProvider',
  'NEVPNManager',
  'NWPathMonitor',
  'NEHotspotConfigurationManager',
  'OSSystemExtensionRequest',
  'NEDNSProxyProvider',
  'NWProtocolTLS.Options',
  'NEAppProxyProvider',
  'sec_protocol_options_set_local_identity',
  'IP_RECVIF',
  'NWListener',
  'NEPacketTunnelFlow',
];

/** The error codes users ask about most, first; the rest of the catalog follows in file order. */
const POPULAR_CODES = [
  '-9836',
  '0xBAADCA11',
  '0xDEAD10CC',
  '-9806',
  '-9802',
  'OSSystemExtensionErrorDomain 1',
  'NEVPNErrorDomain 5',
  '-9816',
  'NSURLErrorDomain -1009',
  '-9807',
  '0x8BADF00D',
  '-9858',
  'NSCocoaErrorDomain 4097',
  '-34018',
];

/** Topics by how often the tag discusses them. */
const POPULAR_TOPICS = [
  'packet-tunnel-vpn',
  'content-filter',
  'app-proxy',
  'network-framework',
  'hotspot-wifi',
  'system-extensions',
  'tls-certificates',
  'dns',
  'local-push',
  'background-lifecycle',
  'local-network',
  'relay',
];

/** Items of `all` with `popular` first (those that exist), then the others in their own order. */
function byPopularity<T>(all: readonly T[], key: (item: T) => string, popular: readonly string[]): T[] {
  const rank = new Map(popular.map((p, i) => [p, i]));
  const head = all
    .filter((item) => rank.has(key(item)))
    .sort((a, b) => rank.get(key(a))! - rank.get(key(b))!);
  return [...head, ...all.filter((item) => !rank.has(key(item)))];
}

/** Prefix keywords (`notariz*`) whose stem is no word, with the word posts write. */
const STEM_WORDS: Readonly<Record<string, string>> = {
  notariz: 'notarization',
  createTCPConnect: 'createTCPConnection',
};

/** A topic keyword as a post writes it: the stem of a prefix keyword made a word; null to leave it out. */
function keywordWord(keyword: string): string | null {
  if (!keyword.endsWith('*')) return keyword;
  const stem = keyword.slice(0, -1);
  if (STEM_WORDS[stem]) return STEM_WORDS[stem];
  return /[A-Za-z0-9]$/.test(stem) && !/^err/.test(stem) ? stem : null;
}

/** Every written form of a canonical code, as posts write it. */
export function codeForms(code: string, symbol: string | undefined): string[] {
  const forms: string[] = [];
  const split = splitDomainCode(code);
  if (split) {
    const { domain, number } = split;
    forms.push(
      `${domain} code ${number}`,
      `Error Domain=${domain} Code=${number}`,
      `${domain} error ${number}`,
    );
  } else if (code.startsWith('0x')) {
    forms.push(code, code.toLowerCase(), `exception code ${code}`, code.slice(2).toLowerCase());
  } else {
    forms.push(
      code,
      `error ${code}`,
      `OSStatus ${code}`,
      `(${code})`,
      `Error Domain=NSOSStatusErrorDomain Code=${code}`,
    );
  }
  if (symbol) forms.push(symbol);
  return forms;
}

/** Other spellings posts use for a symbol: the prefix-less word and the spaced phrase, in two cases. */
function apiSpellings(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (symbol: string, spelling: string) => out.set(symbol, [...(out.get(symbol) ?? []), spelling]);
  for (const [word, symbol] of Object.entries(API_WORD_ALIASES)) add(symbol, word);
  for (const [phrase, symbol] of Object.entries(API_PHRASE_ALIASES)) {
    add(symbol, phrase);
    add(
      symbol,
      phrase.replace(/\b\w/g, (c) => c.toUpperCase()),
    );
  }
  return out;
}

/** Build the generator's vocabulary from the error catalog, the topic taxonomy and the known API symbols. */
export function buildWordPools(catalog: ErrorCatalog, topics: readonly Topic[]): WordPools {
  const apis = byPopularity([...new Set([...KNOWN_API_SYMBOLS, ...POPULAR_APIS])], (s) => s, POPULAR_APIS);
  const codes = byPopularity(
    catalog.entries.map((e) => ({ code: e.code, forms: codeForms(e.code, e.symbol) })),
    (c) => c.code,
    POPULAR_CODES,
  );
  const topicVocab = byPopularity(
    topics.map((t) => ({
      slug: t.slug,
      keywords: t.keywords.map(keywordWord).filter((k): k is string => k !== null),
      apis: t.apiClasses.filter((a) => !a.endsWith('*')),
    })),
    (t) => t.slug,
    POPULAR_TOPICS,
  );
  if (codes.length === 0 || topicVocab.length === 0) {
    throw new RangeError('the corpus vocabulary needs at least one error code and one topic');
  }
  return {
    words: new ZipfSampler(FILLER_WORDS, 0.9),
    apis: new ZipfSampler(apis, 1.1),
    apiSpellings: apiSpellings(),
    codes: new ZipfSampler(codes, 1.1),
    topics: new ZipfSampler(topicVocab, 0.9),
  };
}
