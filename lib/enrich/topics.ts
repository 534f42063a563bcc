import type { Topic } from '../catalog/topics';
import { apiAliases } from '../search/api-aliases';

/**
 * Topic classification of a post, from the API symbols it names and the topic keywords in its title and body.
 *
 * Evidence for a topic, with damp(n) = log2(1 + n) (1 → 1, 3 → 2, 7 → 3) so repetition counts with
 * diminishing returns:
 *   API_WEIGHT · damp(distinct API symbols of the post that belong to the topic)
 * + API_WEIGHT · damp(those of them that the title names)
 * + Σ over the topic's keywords: TITLE_WEIGHT · damp(hits in the title) + LEAD_WEIGHT · damp(hits in the
 *   body's first sentence, where posts say what they are building) + BODY_WEIGHT · damp(hits in the rest).
 * Score = evidence × the topic's `weight` (below 1 for topics whose words turn up in posts about anything:
 * sockets, memory, crashes), so the specific subject of a post ranks before the generic one.
 *
 * Matching. API symbols compare case-insensitively, with or without their framework prefix
 * (`PacketTunnelProvider` = `NEPacketTunnelProvider`) and on the part before a dot (`NWProtocolTLS.Options`);
 * a topic symbol ending in `*` matches by its literal prefix (`sec_protocol_*`). Keywords match
 * case-insensitively on word boundaries, a word being letters and digits: `dns` does not match inside `dnssec`
 * (the DNS topic lists `dnssec` itself) nor `vpn` inside `acmeVpnM`, but `vpn` matches `VPN`, `per-app vpn` and
 * `VPNs`. In a phrase, spaces and hyphens are optional separators (`wi-fi` matches `WiFi`, `Wi-Fi`, `wi fi`); a
 * plural `s`/`es` is allowed; a trailing `*` matches by prefix (`tunnel*`). Each stretch of text counts once,
 * for the longest keyword that matches it, across all topics: `DNS proxy` is DNS evidence, not proxy evidence.
 *
 * Result, best score first, at most MAX_TOPICS: the best topic, then every other topic with at least
 * MIN_EVIDENCE of its own evidence and a score of at least KEEP_RATIO of the best. When nothing matches at all:
 * the topic whose front matter sets `fallback: true` (the broadest: Network framework & sockets), else the first
 * topic in display order. Empty only when `topics` is empty.
 */

/** Weight of the distinct API symbols of the topic that the post names (before damping). */
export const API_WEIGHT = 3;
/** Weight of a keyword found in the title. */
export const TITLE_WEIGHT = 2;
/** Weight of a keyword found in the body's first sentence. */
export const LEAD_WEIGHT = 2;
/** Weight of a keyword found in the rest of the body. */
export const BODY_WEIGHT = 1;
/** A topic other than the best needs this much evidence: an API symbol and a mention, or two title words. */
export const MIN_EVIDENCE = 3.5;
/** A topic other than the best needs at least this fraction of the best score. */
export const KEEP_RATIO = 0.12;
/** Most topics a post gets. */
export const MAX_TOPICS = 3;

/** What the classifier reads from a post. */
export type ClassifyInput = { title: string; body: string; apiClasses: string[] };

/** A topic's score for one post. */
export type TopicScore = { slug: string; evidence: number; score: number };

const LEAD_MIN = 20;
const LEAD_MAX = 300;
const WORD_CHAR = '[\\p{L}\\p{N}]';
const WORD = /[\p{L}\p{N}]+/gu;

/** A keyword and the indexes of the topics that list it. */
type KeywordGroup = { keyword: string; topics: number[] };
/**
 * The keywords of a taxonomy as one sticky regular expression per first character (keywords start with a
 * letter or digit), tried only where a word starts, so each position tries a handful of keywords, not all.
 */
type KeywordMatcher = Map<string, { regex: RegExp; groups: KeywordGroup[] }>;
const matcherCache = new WeakMap<readonly Topic[], KeywordMatcher>();
const symbolNamesCache = new Map<string, string[]>();

/** Diminishing returns on a count: log2(1 + n). */
function damp(n: number): number {
  return Math.log2(1 + n);
}

/** The regular-expression source of one keyword, without word boundaries. */
function keywordSource(keyword: string): string {
  const prefix = keyword.endsWith('*');
  const words = (prefix ? keyword.slice(0, -1) : keyword)
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return words.join('[\\s\\-_]*') + (prefix ? `${WORD_CHAR}*` : '(?:e?s)?');
}

/**
 * The keyword matcher of a taxonomy (memoised per topics array). Longer keywords come first in each
 * alternation, so a stretch of text counts once, for its most specific keyword: `DNS proxy` counts for DNS,
 * not for `proxy`.
 */
function keywordMatcher(topics: readonly Topic[]): KeywordMatcher {
  const cached = matcherCache.get(topics);
  if (cached) return cached;
  const owners = new Map<string, number[]>();
  topics.forEach((topic, i) => {
    for (const keyword of new Set(topic.keywords)) owners.set(keyword, [...(owners.get(keyword) ?? []), i]);
  });
  const byFirst = new Map<string, KeywordGroup[]>();
  for (const [keyword, owned] of owners) {
    const first = keyword.charAt(0).toLowerCase();
    byFirst.set(first, [...(byFirst.get(first) ?? []), { keyword, topics: owned }]);
  }
  const matcher: KeywordMatcher = new Map();
  for (const [first, groups] of byFirst) {
    groups.sort((a, b) => b.keyword.length - a.keyword.length || a.keyword.localeCompare(b.keyword, 'en'));
    const alternation = groups.map((g) => `(${keywordSource(g.keyword)})`).join('|');
    matcher.set(first, { regex: new RegExp(`(?:${alternation})(?!${WORD_CHAR})`, 'iuy'), groups });
  }
  matcherCache.set(topics, matcher);
  return matcher;
}

/** Keyword hits per topic in a text: `hits[topicIndex]` maps a keyword to its number of occurrences. */
function keywordHits(text: string, matcher: KeywordMatcher, topicCount: number): Array<Map<string, number>> {
  const hits = Array.from({ length: topicCount }, () => new Map<string, number>());
  let end = 0;
  for (const w of text.matchAll(WORD)) {
    if (w.index < end) continue;
    const entry = matcher.get(w[0].charAt(0).toLowerCase());
    if (!entry) continue;
    entry.regex.lastIndex = w.index;
    const m = entry.regex.exec(text);
    if (!m) continue;
    end = w.index + m[0].length;
    const group = entry.groups[m.findIndex((v, i) => i > 0 && v !== undefined) - 1];
    if (!group) continue;
    for (const t of group.topics) hits[t]?.set(group.keyword, (hits[t]?.get(group.keyword) ?? 0) + 1);
  }
  return hits;
}

/** The body's first sentence (skipping a short greeting such as "Hi!", at most LEAD_MAX characters) and the rest. */
function splitLead(body: string): { lead: string; rest: string } {
  const end = body.slice(LEAD_MIN, LEAD_MAX).search(/[.!?](\s|$)/);
  const cut = end >= 0 ? LEAD_MIN + end + 1 : Math.min(body.length, LEAD_MAX);
  return { lead: body.slice(0, cut), rest: body.slice(cut) };
}

/** Σ weight · damp(count) over the keywords hit. */
function keywordScore(hits: Map<string, number> | undefined, weight: number): number {
  let score = 0;
  for (const n of hits?.values() ?? []) score += weight * damp(n);
  return score;
}

/** A post's API symbol as matching needs it: lowercase forms for topic symbols, squashed names for the title. */
type PostSymbol = { forms: string[]; squashed: string[] };

/** Lowercase letters and digits only: `split Tunnel + exclude APNs` → `splittunnelexcludeapns`. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The lowercase names a symbol is recognised by: itself, and its unprefixed aliases when they are still compound
 * names (`packettunnelprovider` from `NEPacketTunnelProvider`, but not a bare `provider` from `CXProvider`).
 */
function symbolNames(symbol: string): string[] {
  const cached = symbolNamesCache.get(symbol);
  if (cached) return cached;
  const [whole = symbol, ...aliases] = apiAliases(symbol);
  const names = [whole, ...aliases.filter((a) => (a.match(/[A-Z]/g) ?? []).length >= 2)].map((n) =>
    n.toLowerCase(),
  );
  symbolNamesCache.set(symbol, names);
  return names;
}

/** The forms of a post's API symbol: whole and before its first dot, lowercased; its names, squashed. */
function postSymbol(symbol: string): PostSymbol {
  const whole = symbol.trim();
  const base = whole.split('.')[0] ?? whole;
  const forms = [...new Set([whole, base].map((s) => s.toLowerCase()))].filter(Boolean);
  const squashed = [...new Set(symbolNames(base).map(squash))].filter((s) => s.length >= 4);
  return { forms, squashed };
}

/** True when one of a post symbol's forms matches a topic symbol (exact, compound alias, or literal `*` prefix). */
function symbolMatches(forms: readonly string[], topicSymbol: string): boolean {
  if (topicSymbol.endsWith('*')) {
    const prefix = topicSymbol.slice(0, -1).toLowerCase();
    return forms.some((f) => f.startsWith(prefix));
  }
  return symbolNames(topicSymbol).some((name) => forms.includes(name));
}

/** Score every topic for a post, in the order of `topics`; pure. */
export function scoreTopics(input: ClassifyInput, topics: readonly Topic[]): TopicScore[] {
  const symbols = [...new Set(input.apiClasses)].map(postSymbol);
  const squashedTitle = squash(input.title);
  const matcher = keywordMatcher(topics);
  const { lead, rest } = splitLead(input.body);
  const titleHits = keywordHits(input.title, matcher, topics.length);
  const leadHits = keywordHits(lead, matcher, topics.length);
  const restHits = keywordHits(rest, matcher, topics.length);
  return topics.map((topic, i) => {
    const named = symbols.filter((p) => topic.apiClasses.some((s) => symbolMatches(p.forms, s)));
    const inTitle = named.filter((p) => p.squashed.some((s) => squashedTitle.includes(s)));
    const evidence =
      API_WEIGHT * damp(named.length) +
      API_WEIGHT * damp(inTitle.length) +
      keywordScore(titleHits[i], TITLE_WEIGHT) +
      keywordScore(leadHits[i], LEAD_WEIGHT) +
      keywordScore(restHits[i], BODY_WEIGHT);
    return { slug: topic.slug, evidence, score: evidence * topic.weight };
  });
}

/** The 1 to 3 topic slugs of a post, best first (see the module comment for the rules); pure. */
export function classifyTopics(input: ClassifyInput, topics: readonly Topic[]): string[] {
  const ranked = scoreTopics(input, topics)
    .map((s, index) => ({ ...s, index }))
    .filter((s) => s.evidence > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const [best, ...others] = ranked;
  if (!best) {
    const fallback = topics.find((t) => t.fallback) ?? topics[0];
    return fallback ? [fallback.slug] : [];
  }
  const kept = others.filter((s) => s.evidence >= MIN_EVIDENCE && s.score >= best.score * KEEP_RATIO);
  return [best, ...kept].slice(0, MAX_TOPICS).map((s) => s.slug);
}
