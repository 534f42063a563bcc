import { apiAliases, canonicalApiName, isKnownApiName } from './api-aliases';
import { parseQuery, type ParsedQuery } from './query';
import { typoMatches } from './typos';

/**
 * What a highlighter marks, read from the query (not only from the terms an engine says matched), so that it marks
 * only what matched:
 * - `words`: lowercase words, each marked where it stands in a text as a whole token or as a run of a token's
 *   parts (`nwprotocoltls.options` marks `NWProtocolTLS.Options`, never the `Options` of `NWProtocolTCP.Options`;
 *   `tls` marks the `TLS` of `NWProtocolTLS`);
 * - `phrases`: each marked only where its words stand in that order;
 * - `domainCodes`: an error domain and its code (`OSSystemExtensionErrorDomain code 1`): the code is marked only
 *   right after its domain (`… code 1`, `… error 1`, `Domain=… Code=1`), never a bare `1` or every `code`.
 */
export type HighlightQuery = {
  words: string[];
  phrases: string[][];
  domainCodes: DomainCode[];
};

/** An error domain (lowercase) and its code's digits, as a query writes them. */
export type DomainCode = { domain: string; number: string };

const DOMAIN = /^[a-z][a-z0-9]*errordomain$/;
/** `nevpnerrordomain5`: a domain and its code written as one word. */
const DOMAIN_WITH_CODE = /^([a-z][a-z0-9]*errordomain)(\d{1,6})$/;
const CODE_WORDS = new Set(['code', 'error']);
const NUMBER = /^\d{1,6}$/;

/** Whether a query word is an identifier of several pieces (`nwprotocoltls.options`, `ip_recvif`, `0xbaadca11`). */
const isIdentifier = (word: string) => /[._]/.test(word) || /^0x[0-9a-f]+$/.test(word);

/** Typos a derived term may have: the larger budget of the two engines (one from 4 letters, two from 8). */
const typoBudget = (word: string) => (/\d/.test(word) ? 0 : word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);

/**
 * Whether an index term an engine matched comes from a plain query word: its prefix (`conf` → `configuration`), a
 * typo of it (`contnet` → `content`, also on a prefix; never of an API name: `nwprotocoltcp` is no typo of
 * `NWProtocolTLS`), or it joined with a neighbour (`packet` → `packettunnel`). The halves of a split word are a
 * phrase instead (see {@link highlightQuery}).
 */
function derivesFrom(term: string, word: string): boolean {
  if (term.startsWith(word) || term.endsWith(word)) return true;
  const budget = isKnownApiName(word) ? 0 : typoBudget(word);
  if (budget === 0) return false;
  const candidates = term.length > word.length ? [term, term.slice(0, word.length)] : [term];
  // The engines' own typo rule (optimal string alignment), over these one or two candidates.
  return candidates.some((candidate) => typoMatches([candidate], word, budget).length > 0);
}

/** Phrases without repeats, in order. */
function uniquePhrases(phrases: string[][]): string[][] {
  const seen = new Set<string>();
  return phrases.filter((p) => p.length > 0 && !seen.has(p.join(' ')) && seen.add(p.join(' ')));
}

/**
 * What a query marks before any hit is known, prepared once per search ({@link prepareHighlight}): its words,
 * phrases and domain codes, its plain words (which alone take the typo, prefix and joined forms an engine
 * matched), and which matched terms were already judged (filled as hits come: one search's memo).
 */
export type PreparedHighlight = {
  base: HighlightQuery;
  plain: readonly string[];
  judged: Map<string, boolean>;
};

/** The query's part of every hit's highlight (see {@link highlightQuery}). */
export function prepareHighlight(parsed: ParsedQuery): PreparedHighlight {
  const terms = parsed.terms.map((t) => t.toLowerCase());
  const domainCodes: DomainCode[] = [];
  const consumed = new Set<number>();
  const words: string[] = [];
  terms.forEach((term, i) => {
    const joined = DOMAIN_WITH_CODE.exec(term);
    if (joined) {
      domainCodes.push({ domain: joined[1]!, number: joined[2]! });
      words.push(joined[1]!);
      consumed.add(i);
      return;
    }
    if (!DOMAIN.test(term)) return;
    let j = i + 1;
    if (CODE_WORDS.has(terms[j] ?? '')) j++;
    if (!NUMBER.test(terms[j] ?? '')) return;
    domainCodes.push({ domain: term, number: terms[j]!.replace(/^0+(?=\d)/, '') });
    for (let k = i + 1; k <= j; k++) consumed.add(k);
    // `Domain=NSURLErrorDomain -1009`: the `domain` before it only introduces it.
    if (terms[i - 1] === 'domain') consumed.add(i - 1);
  });
  terms.forEach((term, i) => {
    if (!consumed.has(i)) words.push(term);
  });
  return {
    base: {
      words: withApiForms(words),
      phrases: uniquePhrases(parsed.phrases.map((p) => p.map((w) => w.toLowerCase()))),
      domainCodes,
    },
    plain: words.filter((w) => !isIdentifier(w) && !DOMAIN.test(w)),
    judged: new Map(),
  };
}

/** Words, deduplicated, with the other forms of each known API name: `packettunnelprovider` ↔ `nepackettunnelprovider`. */
function withApiForms(words: readonly string[]): string[] {
  const out = new Set(words.filter((w) => w.length > 0));
  for (const word of words)
    if (isKnownApiName(word))
      for (const alias of apiAliases(canonicalApiName(word))) out.add(alias.toLowerCase());
  return [...out];
}

/** The highlight of one hit: the query's, plus the matched terms that come from its plain words. */
export function hitHighlight(prepared: PreparedHighlight, matchedTerms: readonly string[]): HighlightQuery {
  const { base, plain, judged } = prepared;
  if (matchedTerms.length === 0) return base;
  const matched = [...new Set(matchedTerms.map((t) => t.toLowerCase()))].filter((t) => t.length > 0);
  const extra: string[] = [];
  for (const term of matched) {
    let keep = judged.get(term);
    if (keep === undefined) judged.set(term, (keep = plain.some((w) => derivesFrom(term, w))));
    if (keep) extra.push(term);
  }
  const phrases: string[][] = [];
  for (const word of plain) {
    for (const left of matched) {
      const right = word.startsWith(left) ? word.slice(left.length) : '';
      if (right && matched.includes(right)) phrases.push([left, right]);
    }
  }
  if (extra.length === 0 && phrases.length === 0) return base;
  return {
    words: withApiForms([...base.words, ...extra]),
    phrases: uniquePhrases([...base.phrases, ...phrases]),
    domainCodes: base.domainCodes,
  };
}

/**
 * The highlight of a parsed query and of the index terms an engine says matched a hit. Query terms and phrase
 * words are marked as written; a matched term is kept only when it comes from a plain query word (typo, prefix
 * or joined form), so the parts and typos of an identifier (`options`, `nwprotocoltcp.options` for
 * `NWProtocolTLS.Options`), of a phrase, or of a domain's code (`code`, `1`) never mark on their own. Two matched
 * terms that spell a plain query word (`create` + `udpsessiontoendpoint`) mark as a phrase, where they stand
 * side by side, as the engines matched them. A known API name also marks its other forms (with or without its
 * framework prefix), as the engines match it through them. For many hits of one query, prepare once
 * ({@link prepareHighlight}) and call {@link hitHighlight} per hit.
 */
export function highlightQuery(parsed: ParsedQuery, matchedTerms: readonly string[] = []): HighlightQuery {
  return hitHighlight(prepareHighlight(parsed), matchedTerms);
}

/** At most this many characters of `?hl=`, and of words read from it. */
const HL_LENGTH = 300;
const HL_WORDS = 20;
const HL_WORD_LENGTH = 60;

/**
 * The `?hl=` value a result link carries to its thread page, which marks with {@link parseHighlightParam} the same
 * way: domain codes first (`ossystemextensionerrordomain code 1`), then phrases quoted, then words, domains last
 * (so no word reads as a domain's code); whole pieces only, at most 300 characters.
 */
export function highlightParam(highlight: HighlightQuery): string {
  const grouped = new Set(highlight.domainCodes.map((d) => d.domain));
  const pieces = [
    ...highlight.domainCodes.map((d) => `${d.domain} code ${d.number}`),
    ...highlight.phrases.map((p) => `"${p.join(' ')}"`),
    ...highlight.words.filter((w) => !grouped.has(w) && !DOMAIN.test(w)),
    ...highlight.words.filter((w) => !grouped.has(w) && DOMAIN.test(w)),
  ];
  let out = '';
  for (const piece of pieces) {
    const next = out ? `${out} ${piece}` : piece;
    if (next.length > HL_LENGTH) break;
    out = next;
  }
  return out;
}

/** The highlight a thread page's `?hl=` asks for: read as a query, at most 20 words of at most 60 characters. */
export function parseHighlightParam(hl: string | string[] | undefined): HighlightQuery {
  const text = Array.isArray(hl) ? hl.join(' ') : (hl ?? '');
  const parsed = parseQuery(text.slice(0, HL_LENGTH * 2));
  const fits = (w: string) => w.length <= HL_WORD_LENGTH;
  return highlightQuery({
    ...parsed,
    terms: parsed.terms.filter(fits).slice(0, HL_WORDS),
    phrases: parsed.phrases.filter((p) => p.every(fits)).slice(0, HL_WORDS),
  });
}
