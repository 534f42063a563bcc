import type { Topic } from '../catalog/topics';
import { apiAliases } from '../search/api-aliases';
import type { IdentifierRuns, TokenWatch } from './token-scanner';
import {
  buildKeywordIndex,
  fastMatchApplies,
  segmentKeywordHits,
  type KeywordHits,
  type KeywordIndex,
} from './topic-keywords';

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

/** log2(1 + n) for small counts, computed once. */
const DAMP = Float64Array.from({ length: 256 }, (_, n) => Math.log2(1 + n));

/** Diminishing returns on a count: log2(1 + n). */
function damp(n: number): number {
  return n < 256 ? DAMP[n]! : Math.log2(1 + n);
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
 * The keyword matcher of a taxonomy, for texts the fast matcher cannot read. Longer keywords come first in each
 * alternation, so a stretch of text counts once, for its most specific keyword: `DNS proxy` counts for DNS,
 * not for `proxy`.
 */
function buildKeywordMatcher(topics: readonly Topic[]): KeywordMatcher {
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

/** Where the body's first sentence ends (skipping a short greeting such as "Hi!", at most LEAD_MAX characters). */
function leadLength(body: string): number {
  const end = body.slice(LEAD_MIN, LEAD_MAX).search(/[.!?](\s|$)/);
  return end >= 0 ? LEAD_MIN + end + 1 : Math.min(body.length, LEAD_MAX);
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
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57)
      out += String.fromCharCode(c | (c >= 65 ? 32 : 0));
  }
  return out;
}

/**
 * The lowercase names a symbol is recognised by: itself, and its unprefixed aliases when they are still compound
 * names (`packettunnelprovider` from `NEPacketTunnelProvider`, but not a bare `provider` from `CXProvider`).
 */
function symbolNames(symbol: string): string[] {
  const [whole = symbol, ...aliases] = apiAliases(symbol);
  return [whole, ...aliases.filter((a) => (a.match(/[A-Z]/g) ?? []).length >= 2)].map((n) => n.toLowerCase());
}

/** The forms of a post's API symbol: whole and before its first dot, lowercased; its names, squashed. */
function postSymbol(symbol: string): PostSymbol {
  const whole = symbol.trim();
  const base = whole.split('.')[0] ?? whole;
  const forms = [...new Set([whole, base].map((s) => s.toLowerCase()))].filter(Boolean);
  const squashed = [...new Set(symbolNames(base).map(squash))].filter((s) => s.length >= 4);
  return { forms, squashed };
}

/** A topic's API symbol as matching needs it: a literal prefix (`sec_protocol_*`), or its lowercase names. */
type TopicSymbol = { prefix: string } | { names: string[] };

/** The matching form of a topic symbol. */
function topicSymbol(symbol: string): TopicSymbol {
  return symbol.endsWith('*')
    ? { prefix: symbol.slice(0, -1).toLowerCase() }
    : { names: symbolNames(symbol) };
}

/** True when one of a post symbol's forms matches a topic symbol (exact, compound alias, or literal `*` prefix). */
function symbolMatches(forms: readonly string[], symbol: TopicSymbol): boolean {
  if ('prefix' in symbol) return forms.some((f) => f.startsWith(symbol.prefix));
  return symbol.names.some((name) => forms.includes(name));
}

/**
 * What a post's API symbol says for a taxonomy: the topics it belongs to and its squashed names. Kept for the
 * classifier's life, so built by a constructor, not a literal: the survival of a literal's objects is tracked by
 * its allocation site, and each change of V8's pretenuring decision for it deoptimised the enrichment code that
 * inlines it (once a pass, new symbols turning up at their own rate).
 */
class SymbolTopics {
  constructor(
    readonly topics: readonly number[],
    readonly squashed: readonly string[],
  ) {}
}

/** The classifier's reused work arrays (it is synchronous, so one set suffices). */
type Scratch = {
  named: Int32Array;
  inTitle: Int32Array;
  title: Float64Array;
  lead: Float64Array;
  rest: Float64Array;
  evidence: Float64Array;
  hits: KeywordHits;
};

/** Fresh work arrays for a taxonomy of `n` topics and its keyword index. */
function newScratch(n: number, index: KeywordIndex): Scratch {
  return {
    named: new Int32Array(n),
    inTitle: new Int32Array(n),
    title: new Float64Array(n),
    lead: new Float64Array(n),
    rest: new Float64Array(n),
    evidence: new Float64Array(n),
    hits: { counts: new Int32Array(index.keywords.length), order: [] },
  };
}

/** Per topic: how many of the post's API symbols it owns, and how many of those the title names. */
function apiEvidence(
  input: ClassifyInput,
  symbolTopics: (symbol: string) => SymbolTopics,
  named: Int32Array,
  inTitle: Int32Array,
): void {
  let squashedTitle: string | undefined;
  const seen = input.apiClasses.length > 1 ? new Set<string>() : null;
  for (const symbol of input.apiClasses) {
    if (seen) {
      if (seen.has(symbol)) continue;
      seen.add(symbol);
    }
    const owned = symbolTopics(symbol);
    if (owned.topics.length === 0) continue;
    squashedTitle ??= squash(input.title);
    const titled = owned.squashed.some((s) => squashedTitle!.includes(s));
    for (const t of owned.topics) {
      named[t]!++;
      if (titled) inTitle[t]!++;
    }
  }
}

/** Add weight · damp(count) per keyword hit to its topics' scores, in order of first hit; then reset the hits. */
function addSegmentScores(
  hits: KeywordHits,
  index: KeywordIndex,
  weight: number,
  scores: Float64Array,
): void {
  for (const id of hits.order) {
    const n = hits.counts[id]!;
    for (const t of index.owners[id]!) scores[t]! += weight * damp(n);
    hits.counts[id] = 0;
  }
  hits.order.length = 0;
}

/** Keyword scores per topic of the title, the lead and the rest of the body (see the module comment). */
function keywordScores(
  input: ClassifyInput,
  classifier: { index: KeywordIndex; topicCount: number; matcher: () => KeywordMatcher },
  runs: IdentifierRuns,
  s: Scratch,
): void {
  const cut = leadLength(input.body);
  const { index, topicCount } = classifier;
  if (fastMatchApplies(index, runs)) {
    const bodyAt = input.title.length + 1;
    let k = segmentKeywordHits(runs, 0, input.title.length, index, s.hits, 0);
    addSegmentScores(s.hits, index, TITLE_WEIGHT, s.title);
    k = segmentKeywordHits(runs, bodyAt, bodyAt + cut, index, s.hits, k);
    addSegmentScores(s.hits, index, LEAD_WEIGHT, s.lead);
    segmentKeywordHits(runs, bodyAt + cut, runs.text.length, index, s.hits, k);
    addSegmentScores(s.hits, index, BODY_WEIGHT, s.rest);
    return;
  }
  const matcher = classifier.matcher();
  const segments: Array<[string, number, Float64Array]> = [
    [input.title, TITLE_WEIGHT, s.title],
    [input.body.slice(0, cut), LEAD_WEIGHT, s.lead],
    [input.body.slice(cut), BODY_WEIGHT, s.rest],
  ];
  for (const [text, weight, out] of segments) {
    const hits = keywordHits(text, matcher, topicCount);
    for (let i = 0; i < topicCount; i++) out[i] = keywordScore(hits[i], weight);
  }
}

/**
 * The topic classifier of one taxonomy: its keyword index, the token runs it needs kept ({@link watch}), what it
 * learned of each API symbol it met, and its work arrays, all owned by the object. One per thread of work.
 */
export class TopicClassifier {
  /** What the token scanner must keep for the keyword matcher. */
  readonly watch: TokenWatch;
  private readonly index: KeywordIndex;
  private readonly symbols: TopicSymbol[][];
  private readonly bySymbol = new Map<string, SymbolTopics>();
  private readonly scratch: Scratch;
  private matcher: KeywordMatcher | undefined;
  /**
   * The index of the topic of a post that matches nothing: the one whose front matter sets `fallback`, else the
   * first (-1 with no topics).
   */
  private readonly fallback: number;
  /** What keyword scoring reads, built once: the index, and the regex matcher on first need. */
  private readonly keywords: { index: KeywordIndex; topicCount: number; matcher: () => KeywordMatcher };

  constructor(readonly topics: readonly Topic[]) {
    this.index = buildKeywordIndex(topics);
    this.watch = this.index.watch;
    this.symbols = topics.map((topic) => topic.apiClasses.map(topicSymbol));
    this.scratch = newScratch(topics.length, this.index);
    const flagged = topics.findIndex((t) => t.fallback);
    this.fallback = flagged >= 0 ? flagged : topics.length > 0 ? 0 : -1;
    this.keywords = {
      index: this.index,
      topicCount: topics.length,
      matcher: () => (this.matcher ??= buildKeywordMatcher(this.topics)),
    };
  }

  /** The topics (indexes) a post symbol belongs to, learned once per symbol. */
  private symbolTopics = (symbol: string): SymbolTopics => {
    let found = this.bySymbol.get(symbol);
    if (!found) {
      const p = postSymbol(symbol);
      const owned = this.symbols
        .map((symbols, i) => (symbols.some((s) => symbolMatches(p.forms, s)) ? i : -1))
        .filter((i) => i >= 0);
      found = new SymbolTopics(owned, p.squashed);
      this.bySymbol.set(symbol, found);
    }
    return found;
  };

  /**
   * The evidence of every topic for a post, in the order of `topics` (the reused array: read it before the
   * next call). `runs` are the token runs of `${title}\n${body}`.
   */
  private evidence(input: ClassifyInput, runs: IdentifierRuns): Float64Array {
    const s = this.scratch;
    for (const a of [s.named, s.inTitle, s.title, s.lead, s.rest]) a.fill(0);
    apiEvidence(input, this.symbolTopics, s.named, s.inTitle);
    keywordScores(input, this.keywords, runs, s);
    for (let i = 0; i < this.topics.length; i++) {
      s.evidence[i] =
        API_WEIGHT * damp(s.named[i]!) +
        API_WEIGHT * damp(s.inTitle[i]!) +
        s.title[i]! +
        s.lead[i]! +
        s.rest[i]!;
    }
    return s.evidence;
  }

  /** Score every topic for a post, in the order of `topics`; `runs` are the token runs of `${title}\n${body}`. */
  score(input: ClassifyInput, runs: IdentifierRuns): TopicScore[] {
    const evidence = this.evidence(input, runs);
    return this.topics.map((topic, i) => ({
      slug: topic.slug,
      evidence: evidence[i]!,
      score: evidence[i]! * topic.weight,
    }));
  }

  /** The 1 to 3 topic slugs of a post, best first (see the module comment for the rules). */
  classify(input: ClassifyInput, runs: IdentifierRuns): string[] {
    const topics = this.topics;
    // Read on every call, so the rare post that matches nothing takes the same steps with no property read of
    // its own (one never read before would cost the optimised enrichment code a deoptimisation).
    const fallback = this.fallback;
    const evidence = this.evidence(input, runs);
    const ranked: number[] = [];
    for (let i = 0; i < topics.length; i++) if (evidence[i]! > 0) ranked.push(i);
    const score = (i: number): number => evidence[i]! * topics[i]!.weight;
    ranked.sort((a, b) => score(b) - score(a) || a - b);
    const [first, ...others] = ranked;
    // Nothing matched: the fallback topic alone (others is empty).
    const best = first ?? fallback;
    if (best < 0) return [];
    const kept = others.filter((i) => evidence[i]! >= MIN_EVIDENCE && score(i) >= score(best) * KEEP_RATIO);
    return [best, ...kept].slice(0, MAX_TOPICS).map((i) => topics[i]!.slug);
  }
}
