import { PHRASE_FIRST_WORDS, phraseAt } from './api-phrases';
import { API_WORD_ALIASES, KNOWN_API_SYMBOLS, NESTED_TYPE_NAMES, NOT_API_SYMBOLS } from './api-symbols';
import { RUN_END, RUN_HASH, RUN_HASH_STEM, RUN_SIZE, RUN_START, RUN_WORD } from './token-scanner';
import { HashFilter, startKeys, type IdentifierRuns, type TokenWatch } from './token-scanner';

/**
 * What counts as an API symbol (the `apiClasses` of a post):
 * - types, protocols, C functions and constants of Apple frameworks: the curated list in `api-symbols.ts`,
 *   plus any unknown name that fits a framework pattern (`NE…`, `NW…`, `OS…`, `BG…`, `CN…`, `SC…`, `Sec…`,
 *   `CX…`, `PK…`, `NSURL…`/`URLSession…`, `kSec…`, `sec_…`, `nw_…`, `IP_`/`IPV6_`/`SO_`/`TCP_` socket options);
 * - prefix-less spellings mapped to the class (`PacketTunnelProvider`, `Packet Tunnel Provider`, `Transparent App Proxy`);
 * - dotted nested types kept whole (`NWProtocolTLS.Options`); plurals folded (`NWConnections`).
 * Not symbols: properties and methods, framework names (`CallKit`), POSIX calls (`setsockopt`), protocol levels
 * (`IPPROTO_IP`), generic Foundation/CF types (`Data`, `NSError`, `CFArray`), error codes and domains
 * (`errSSL…`, `errSec…`, `…ErrorDomain`, `OSStatus`), and pattern-only names seen in a stack frame or a source
 * file name (private symbols such as `CNPluginCopySupportedInterfaces`).
 */

const KNOWN = new Set<string>([...KNOWN_API_SYMBOLS, ...Object.values(API_WORD_ALIASES)]);
const WORD_ALIASES = new Map<string, string>(Object.entries(API_WORD_ALIASES));
const BY_LOWER = new Map<string, string>();
for (const s of KNOWN) BY_LOWER.set(s.toLowerCase(), s);
for (const [alias, target] of WORD_ALIASES) BY_LOWER.set(alias.toLowerCase(), target);
/** Lets through every word whose lowercase form is a known symbol or alias (and a few others). */
const KNOWN_FILTER = new HashFilter(BY_LOWER.keys());
const PHRASE_FILTER = new HashFilter(PHRASE_FIRST_WORDS);
/** First characters of the names the framework patterns accept (case-sensitive; see `mayFitPattern`). */
const PATTERN_STARTS = [
  'NE',
  'NW',
  'NS',
  'OS',
  'BG',
  'CN',
  'CX',
  'SC',
  'Sec',
  'SO_',
  'PK',
  'UR',
  'kS',
  'sec',
  'nw_',
  'IP',
  'TCP',
];
/** The runs this extractor reads: known symbols and aliases, first words of phrases, framework prefixes. */
export const API_CLASS_WATCH: TokenWatch = {
  words: [...BY_LOWER.keys(), ...PHRASE_FIRST_WORDS],
  starts: PATTERN_STARTS.flatMap((p) => startKeys(p, false)),
};

const FRAMEWORK_PREFIXED = /^(?:NE|NW|OS|BG|CN|SC|Sec|CX|PK)[A-Z][A-Za-z0-9]*$/;
const OTHER_PATTERNS = [
  /^NSURL[A-Z][a-z][A-Za-z0-9]*$/,
  /^(?:NS)?URLSession[A-Za-z0-9]*$/,
  /^kSec[A-Z][A-Za-z0-9]*$/,
  /^(?:sec|nw)_[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/,
  /^(?:IP|IPV6|SO|TCP)_[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/,
];
const ERROR_SYMBOL = /Error(?:Domain|[A-Z])/;
const STACK_FRAME_AFTER = /^\s*\+\s*\d/;
const SOURCE_FILE_AFTER = /^\.(?:c|m|mm|h|hpp|cc|cpp|swift)(?![A-Za-z0-9_])/;
const NESTED_AFTER = /^\.([A-Z][A-Za-z0-9]*)(?![A-Za-z0-9_])/;

/** A known symbol or alias for a word written exactly, all lowercase or all uppercase; null otherwise. */
function knownSymbol(word: string): string | null {
  if (KNOWN.has(word)) return word;
  const alias = WORD_ALIASES.get(word);
  if (alias) return alias;
  if (word === word.toLowerCase() || word === word.toUpperCase())
    return BY_LOWER.get(word.toLowerCase()) ?? null;
  return null;
}

/** True when a word not in the curated list still has the shape of a public framework symbol. */
function fitsPattern(word: string): boolean {
  if (NOT_API_SYMBOLS.has(word) || ERROR_SYMBOL.test(word)) return false;
  if (FRAMEWORK_PREFIXED.test(word)) {
    const rest = word.replace(/^(?:NE|NW|OS|BG|CN|SC|Sec|CX|PK)/, '');
    return /[a-z]{2,}/.test(rest);
  }
  return OTHER_PATTERNS.some((re) => re.test(word));
}

/**
 * A cheap test on a word's first characters, true for every word that may fit a framework pattern
 * (`NE`, `NW`, `NS`, `OS`, `BG`, `CN`, `CX`, `SC`, `Sec`, `SO_`, `PK`, `URL`, `kS`, `sec_`, `nw_`, `IP`, `TCP_`).
 */
function mayFitPattern(text: string, at: number, end: number): boolean {
  if (end - at < 3) return false;
  const c1 = text.charCodeAt(at + 1);
  switch (text.charCodeAt(at)) {
    case 78 /* N */:
      return c1 === 69 || c1 === 87 || c1 === 83; // E W S
    case 79 /* O */:
      return c1 === 83; // S
    case 66 /* B */:
      return c1 === 71; // G
    case 67 /* C */:
      return c1 === 78 || c1 === 88; // N X
    case 83 /* S */:
      return c1 === 67 || c1 === 79 || (c1 === 101 && text.charCodeAt(at + 2) === 99); // C O ec
    case 80 /* P */:
      return c1 === 75; // K
    case 85 /* U */:
      return c1 === 82; // R
    case 107 /* k */:
      return c1 === 83; // S
    case 115 /* s */:
      return c1 === 101 && text.charCodeAt(at + 2) === 99 && text.charCodeAt(at + 3) === 95; // ec_
    case 110 /* n */:
      return c1 === 119 && text.charCodeAt(at + 2) === 95; // w_
    case 73 /* I */:
      return c1 === 80; // P
    case 84 /* T */:
      return c1 === 67 && text.charCodeAt(at + 2) === 80; // CP
    default:
      return false;
  }
}

/** What a word names wherever it appears: a known symbol, a pattern-only symbol (context decides), or nothing. */
/** Built by a constructor, not a literal: kept in the memo (see SymbolTopics in topics.ts). */
class WordSymbol {
  constructor(
    readonly known: string | null,
    readonly fits: boolean,
  ) {}
}
/** Words an extractor remembers the symbol of before it starts afresh (keeps its memory flat on any input). */
const WORD_SYMBOLS_MAX = 50_000;

/** The context-free part of the symbol rule for a word. */
function newWordSymbol(word: string): WordSymbol {
  const known = knownSymbol(word) ?? (word.endsWith('s') ? knownSymbol(word.slice(0, -1)) : null);
  return new WordSymbol(known, !known && fitsPattern(word));
}

/** True for the characters after a word that the context rules look at: `.`, `+` and white space. */
function contextMatters(code: number): boolean {
  return (
    code === 46 || code === 43 || code === 32 || (code >= 9 && code <= 13) || code === 160 || code > 0x167f
  );
}

/**
 * Finds the Apple API symbols named in a text (see the rules above). It memoises the context-free part of the
 * rule per word, for its own life (at most WORD_SYMBOLS_MAX words, then it forgets them all and starts afresh):
 * one extractor per thread of work (the Enricher's); two extractors share nothing.
 */
export class ApiClassExtractor {
  /** The runs it reads (see API_CLASS_WATCH). */
  readonly watch = API_CLASS_WATCH;
  private readonly symbols = new Map<string, WordSymbol>();

  constructor(private readonly maxWords = WORD_SYMBOLS_MAX) {}

  /** How many words it remembers now (at most `maxWords`). */
  get remembered(): number {
    return this.symbols.size;
  }

  /**
   * Apple API symbols named in a text, canonical spelling, deduplicated, in order of first appearance, from the
   * text's runs (a scanner that watches {@link API_CLASS_WATCH}).
   */
  extract(runs: IdentifierRuns): string[] {
    const { text, data, count } = runs;
    let phrases: Array<{ at: number; symbol: string }> | null = null;
    const words: Array<{ at: number; symbol: string }> = [];
    let phraseFrom = 0;
    let wordFrom = 0;
    for (let k = 0; k < count; k++) {
      const base = k * RUN_SIZE;
      const at = data[base + RUN_WORD]!;
      const end = data[base + RUN_END]!;
      if (at === end) continue;
      const hash = data[base + RUN_HASH]!;
      if (at >= phraseFrom && at === data[base + RUN_START] && PHRASE_FILTER.has(hash)) {
        const phrase = phraseAt(text, at, end, hash);
        if (phrase) {
          (phrases ??= []).push({ at, symbol: phrase.symbol });
          phraseFrom = phrase.end;
        }
      }
      if (at < wordFrom) continue;
      const stemKnown = text.charCodeAt(end - 1) === 115 && KNOWN_FILTER.has(data[base + RUN_HASH_STEM]!);
      if (!KNOWN_FILTER.has(hash) && !stemKnown && !mayFitPattern(text, at, end)) continue;
      const next = text.charCodeAt(end);
      const after = contextMatters(next) ? text.slice(end, end + 40) : '';
      const symbol = this.symbolAt(text.slice(at, end), after);
      if (!symbol) continue;
      const nested = next === 46 ? NESTED_AFTER.exec(after) : null;
      if (nested && NESTED_TYPE_NAMES.has(nested[1]!)) {
        words.push({ at, symbol: `${symbol}.${nested[1]!}` });
        wordFrom = end + nested[0].length;
      } else {
        words.push({ at, symbol });
      }
    }
    const found = phrases ? [...phrases, ...words].sort((a, b) => a.at - b.at) : words;
    return [...new Set(found.map((f) => f.symbol))];
  }

  /** The context-free part of the symbol rule for a word, memoised. */
  private wordSymbol(word: string): WordSymbol {
    let cached = this.symbols.get(word);
    if (cached) return cached;
    cached = newWordSymbol(word);
    if (this.symbols.size >= this.maxWords) this.symbols.clear();
    this.symbols.set(word, cached);
    return cached;
  }

  /** The symbol the word ending at `end` names there, or null; `after` is the text that follows the word. */
  private symbolAt(word: string, after: string): string | null {
    const { known, fits } = this.wordSymbol(word);
    if (known) return known;
    if (!fits) return null;
    if (STACK_FRAME_AFTER.test(after) || SOURCE_FILE_AFTER.test(after)) return null;
    return word;
  }
}

const NE_FRAMEWORK_NW_CLASSES = new Set(['NWTCPConnection', 'NWUDPSession', 'NWHostEndpoint']);

/** The documentation framework path segment of a symbol, or null when we cannot tell. */
function frameworkOf(symbol: string): string | null {
  if (NE_FRAMEWORK_NW_CLASSES.has(symbol.split('.')[0]!)) return 'networkextension';
  if (/^NE[A-Z]/.test(symbol)) return 'networkextension';
  if (/^(?:NW[A-Z]|nw_)/.test(symbol)) return 'network';
  if (/^(?:Sec[A-Z]|sec_|kSec|tls_)/.test(symbol)) return 'security';
  if (/^BG[A-Z]/.test(symbol)) return 'backgroundtasks';
  if (/^OSSystemExtension/.test(symbol)) return 'systemextensions';
  if (/^(?:CNCopy|CNSet|CNMark|SC[A-Z])/.test(symbol)) return 'systemconfiguration';
  if (/^CFNetwork|^CFStream/.test(symbol)) return 'cfnetwork';
  if (/^CX[A-Z]/.test(symbol)) return 'callkit';
  if (/^PKPush/.test(symbol)) return 'pushkit';
  if (/^(?:NSURL|URLSession)/.test(symbol)) return 'foundation';
  if (/^UI[A-Z]/.test(symbol)) return 'uikit';
  return null;
}

/** Apple documentation URL of a symbol (`/documentation/network/nwprotocoltls/options`), else a documentation search URL. */
export function apiDocumentationUrl(symbol: string): string {
  const framework = frameworkOf(symbol);
  if (!framework) return `https://developer.apple.com/search/?q=${encodeURIComponent(symbol)}`;
  const path = symbol
    .split('.')
    .map((part) => encodeURIComponent(part.toLowerCase()))
    .join('/');
  return `https://developer.apple.com/documentation/${framework}/${path}`;
}
