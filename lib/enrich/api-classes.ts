import {
  API_PHRASE_ALIASES,
  API_WORD_ALIASES,
  KNOWN_API_SYMBOLS,
  NESTED_TYPE_NAMES,
  NOT_API_SYMBOLS,
} from './api-symbols';

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
const BY_LOWER = new Map<string, string>();
for (const s of KNOWN) BY_LOWER.set(s.toLowerCase(), s);
for (const [alias, target] of Object.entries(API_WORD_ALIASES)) BY_LOWER.set(alias.toLowerCase(), target);

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
const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;

const PHRASE = new RegExp(
  `(?<![A-Za-z0-9_])(${Object.keys(API_PHRASE_ALIASES)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(' ').join(' +'))
    .join('|')})s?(?![A-Za-z0-9_])`,
  'gi',
);

/** A known symbol or alias for a word written exactly, all lowercase or all uppercase; null otherwise. */
function knownSymbol(word: string): string | null {
  if (KNOWN.has(word)) return word;
  const alias = API_WORD_ALIASES[word];
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

/** The symbol a word names at its position, or null; `after` is the text that follows the word. */
function symbolAt(word: string, after: string): string | null {
  const known = knownSymbol(word) ?? (word.endsWith('s') ? knownSymbol(word.slice(0, -1)) : null);
  if (known) return known;
  if (!fitsPattern(word)) return null;
  if (STACK_FRAME_AFTER.test(after) || SOURCE_FILE_AFTER.test(after)) return null;
  return word;
}

/** Apple API symbols named in a post's text, canonical spelling, deduplicated, in order of first appearance. */
export function extractApiClasses(text: string): string[] {
  const found: Array<{ at: number; symbol: string }> = [];
  for (const m of text.matchAll(PHRASE)) {
    const phrase = m[1]!.toLowerCase().replace(/ +/g, ' ');
    const symbol = API_PHRASE_ALIASES[phrase];
    if (symbol) found.push({ at: m.index, symbol });
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 40);
    const symbol = symbolAt(m[0], after);
    if (!symbol) continue;
    const nested = NESTED_AFTER.exec(after);
    if (nested && NESTED_TYPE_NAMES.has(nested[1]!)) {
      found.push({ at: m.index, symbol: `${symbol}.${nested[1]!}` });
      WORD.lastIndex = end + nested[0].length;
    } else {
      found.push({ at: m.index, symbol });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.symbol))];
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
