import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { API_CLASS_WATCH } from '@/lib/enrich/api-classes';
import { domainHits } from '@/lib/enrich/error-domain-hits';
import { ErrorCodeExtractor } from '@/lib/enrich/error-codes';
import { feedbackIds } from '@/lib/enrich/feedback-ids';
import { mayStartName } from '@/lib/enrich/os-name-gate';
import { OS_VERSION_WATCH } from '@/lib/enrich/os-versions';
import { RUN_SIZE, TokenScanner } from '@/lib/enrich/token-scanner';
import { TopicClassifier } from '@/lib/enrich/topics';
import { DUMP_TEXT } from '../helpers/fixtures';
import { domainHitsByRegex, feedbackIdsByRegex, identifierRunsByCharCodes } from './reference-scans';

const catalog = loadErrorCatalog('content/errors');
const topics = loadTopics('content/topics');
// The scanner enrichment builds: what every extractor declares it reads.
const scanner = new TokenScanner([
  API_CLASS_WATCH,
  OS_VERSION_WATCH,
  new ErrorCodeExtractor(catalog).watch,
  new TopicClassifier(topics).watch,
]);
const identifierRuns = (text: string) => scanner.scan(text);

/** Each line of the real dump (a body is one line), and the whole dump. */
const DUMP_TEXTS = [...DUMP_TEXT.split('\n'), DUMP_TEXT];

/** Pieces that make the scanners' hard cases when strung together at random. */
const PIECES = [
  'NSURLErrorDomain',
  'OSSystemExtensionErrorDomain',
  'errordomain',
  'ERRORDOMAIN',
  'xErrorDomain',
  'ErrorDomainErrorDomain',
  'eRRorDoMain',
  'errordomai',
  '42',
  ' code ',
  'Code=',
  ' error ',
  ', code: ',
  '-1009',
  '5',
  '1234567',
  '.',
  ' ',
  '  ',
  '\n',
  '_',
  '(',
  ')',
  ':',
  '=',
  'ſ',
  'K',
  'é',
  'İ',
  '😀',
  '\ud800',
  '’',
  'iOS',
  'ios',
  'iPad',
  'ipod',
  'iPhone',
  'iPhone (',
  'OS: 16.6)',
  'Mac',
  'macOS ',
  'Mac OS X ',
  'apple',
  'Apple Watch',
  'watchOS',
  'Vision Pro',
  'visionOS',
  'tvOS',
  'os x',
  'OSX',
  'Sonoma',
  '17.4',
  '10.15',
  '0xBAADCA11',
  'baadca11',
  'FB12345678',
  'fb1234567',
  'FB1234567890',
  'xFB12345678',
  '_FB',
  'errSSLPeerProtocolVersion',
  'NEPacketTunnelProvider',
  'packet tunnel provider',
  'vpn',
  'VPNs',
  'Wi-Fi',
  'dns proxy',
  'ab12',
  'x',
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(pieceText, fc.string({ unit: 'binary', maxLength: 80 }));

/** The kept runs of the byte scan, as the reference reports them. */
function byteScan(text: string): { data: number[]; long: number[]; nonAscii: boolean; allRuns: boolean } {
  const runs = identifierRuns(text);
  return {
    data: Array.from(runs.data.subarray(0, runs.count * RUN_SIZE)),
    long: Array.from(runs.long.subarray(0, runs.longCount * 2)),
    nonAscii: runs.nonAscii,
    allRuns: runs.allRuns,
  };
}

/** The reference regex for where an OS version match may start (as `os-versions.ts` builds it). */
const VERSION = String.raw`(\d{1,2}(?:\.\d{1,3}){0,2})(?![\d]|\.\d)`;
const PLATFORM = String.raw`ipad ?os|ios|mac ?os(?: ?x)?|os ?x|watch ?os|tv ?os|vision ?os`;
const OS_MATCH = new RegExp(
  String.raw`(?:${PLATFORM})|(?:iphone|ipod|ipad|mac|apple ?watch|apple ?tv|vision ?pro)\s*\(\s*(?:(?:${PLATFORM}|os|version)\s*(?::\s*)?)?${VERSION}\s*\)`,
  'iy',
);

/** Every position of a text where a platform name or a device-with-version starts. */
function osStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = 0; at < text.length; at++) {
    OS_MATCH.lastIndex = at;
    if (OS_MATCH.test(text)) starts.push(at);
  }
  return starts;
}

describe('identifierRuns byte scan', () => {
  it('keeps exactly the runs the charCodeAt scan keeps, for every line of the real dump', () => {
    for (const text of DUMP_TEXTS) expect(byteScan(text)).toEqual(identifierRunsByCharCodes(text, scanner));
  });

  it('keeps exactly the runs the charCodeAt scan keeps, for random texts (non-ASCII, ſ, K, lone surrogates)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(byteScan(text)).toEqual(identifierRunsByCharCodes(text, scanner));
      }),
      { numRuns: 2000, seed: 1313 },
    );
  });

  it('flags texts outside ASCII and texts with ſ or K', () => {
    expect(byteScan('plain NEVPNManager').nonAscii).toEqual(false);
    expect(byteScan('café NEVPNManager')).toEqual({
      ...identifierRunsByCharCodes('café NEVPNManager', scanner),
      allRuns: false,
    });
    expect(byteScan('\u212aey').allRuns).toEqual(true);
  });
});

describe('domainHits (error domain + code pairs)', () => {
  it('finds what the global regex finds, for every line of the real dump', () => {
    for (const text of DUMP_TEXTS)
      expect(domainHits(identifierRuns(text), catalog)).toEqual(domainHitsByRegex(text, catalog));
  });

  it('finds what the global regex finds, for random texts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(domainHits(identifierRuns(text), catalog)).toEqual(domainHitsByRegex(text, catalog));
      }),
      { numRuns: 3000, seed: 1313 },
    );
  });

  it('reads adjacent and nested domains as the regex does', () => {
    const text =
      'x_NEVPNErrorDomain code 5 aErrorDomainbErrorDomain=7, 9ErrorDomain 3 NSURLErrorDomain:-1009';
    expect(domainHits(identifierRuns(text), catalog)).toEqual(domainHitsByRegex(text, catalog));
    expect(domainHits(identifierRuns(text), catalog).map((h) => h.code)).toEqual([
      'NEVPNErrorDomain 5',
      'aErrorDomainbErrorDomain 7',
      'NSURLErrorDomain -1009',
    ]);
  });
});

describe('mayStartName (the OS version gate)', () => {
  it('holds at every position where a platform or device name starts a match, in the real dump', () => {
    for (const text of DUMP_TEXTS)
      for (const at of osStarts(text)) expect([at, mayStartName(text, at)]).toEqual([at, true]);
  });

  it('holds at every position where a platform or device name starts a match, in random texts', () => {
    fc.assert(
      fc.property(pieceText, (text) => {
        for (const at of osStarts(text)) expect([at, mayStartName(text, at)]).toEqual([at, true]);
      }),
      { numRuns: 2000, seed: 1313 },
    );
  });

  it('turns away the common words the two-letter gate let through', () => {
    expect(['manager', 'was', 'via', 'app', 'iphon', 'watcher'].map((w) => mayStartName(w, 0))).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('feedbackIds (from the identifier runs)', () => {
  it('finds what the global regex finds, for every line of the real dump', () => {
    for (const text of DUMP_TEXTS)
      expect(feedbackIds(identifierRuns(text))).toEqual(feedbackIdsByRegex(text));
  });

  it('finds what the global regex finds, for random texts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(feedbackIds(identifierRuns(text))).toEqual(feedbackIdsByRegex(text));
      }),
      { numRuns: 3000, seed: 1313 },
    );
  });

  it('reads ids at a run start and after underscores, in any case, once each', () => {
    const text = 'FB12345678 a_fb1234567_FB123456789 xFB12345678 FB1234567890 é FB12345678 FB12345678x';
    expect(feedbackIds(identifierRuns(text))).toEqual(['FB12345678', 'FB1234567', 'FB123456789']);
    expect(feedbackIdsByRegex(text)).toEqual(['FB12345678', 'FB1234567', 'FB123456789']);
  });
});

describe('TokenScanner', () => {
  it('keeps a watched word and drops the same run for a scanner that does not watch it', () => {
    const text = 'a tunnel and NEVPNManager';
    const watching = new TokenScanner([{ words: ['tunnel'] }]).scan(text);
    const kept = (runs: typeof watching) =>
      Array.from({ length: runs.count }, (_, k) =>
        text.slice(runs.data[k * RUN_SIZE]!, runs.data[k * RUN_SIZE + 2]!),
      );
    expect(kept(watching)).toEqual(['tunnel']);
    expect(kept(new TokenScanner([]).scan(text))).toEqual([]);
    expect(kept(new TokenScanner([{ starts: ['NEV'] }]).scan(text))).toEqual(['NEVPNManager']);
  });

  it('keeps plurals of watched words and the shapes every extractor may need, whatever it watches', () => {
    const text = 'tunnels 0xBAADCA11 baadca11 FB12345678 ip_recvif 42x';
    const runs = new TokenScanner([{ words: ['tunnel'] }]).scan(text);
    const kept = Array.from({ length: runs.count }, (_, k) =>
      text.slice(runs.data[k * RUN_SIZE]!, runs.data[k * RUN_SIZE + 2]!),
    );
    expect(kept).toEqual(['tunnels', '0xBAADCA11', 'baadca11', 'FB12345678', 'ip_recvif', '42x']);
  });

  it('gives the same runs for a text whatever it scanned before (its buffers are reused, never its results)', () => {
    const fresh = (text: string) => {
      const runs = new TokenScanner([API_CLASS_WATCH]).scan(text);
      return Array.from(runs.data.subarray(0, runs.count * RUN_SIZE));
    };
    const shared = new TokenScanner([API_CLASS_WATCH]);
    const long = DUMP_TEXT.split('\n')[22]!;
    for (const text of [long, 'NEVPNManager', long.slice(0, 50), 'NEVPNManager']) {
      const runs = shared.scan(text);
      expect(Array.from(runs.data.subarray(0, runs.count * RUN_SIZE))).toEqual(fresh(text));
    }
  });
});
