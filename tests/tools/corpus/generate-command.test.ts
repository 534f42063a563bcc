import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { encodeText, formatCount, LAYOUTS } from '@/tools/corpus/dump-format';
import { writeCorpus, type CorpusStats } from '@/tools/corpus/dump-writer';
import { parseGenerateArgs } from '@/tools/corpus/generate-command';
import { createRng, ZipfSampler } from '@/tools/corpus/prng';
import { buildWordPools, codeForms } from '@/tools/corpus/word-pools';
import { ingest, type IngestResult } from '@/lib/ingest/pipeline';
import { cleanText } from '@/lib/ingest/parse';
import { PLATFORMS } from '@/lib/posts/schema';

const catalog = loadErrorCatalog();
const topics = loadTopics();
const vocab = buildWordPools(catalog, topics);
const dir = mkdtempSync(path.join(tmpdir(), 'corpus-test-'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('seeded generator', () => {
  it('the same seed gives the same stream of numbers (mulberry32, FNV-1a seed)', () => {
    const a = createRng('42');
    const b = createRng(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(createRng('42')()).not.toEqual(createRng('43')());
  });

  it('a Zipf sampler draws the first rank most often and every rank sometimes', () => {
    const rng = createRng(1);
    const sampler = new ZipfSampler(['a', 'b', 'c', 'd'], 1);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 10_000; i++) counts[sampler.sample(rng)]!++;
    const order = Object.entries(counts)
      .sort((x, y) => y[1] - x[1])
      .map(([k]) => k);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);
  });
});

describe('dump format', () => {
  it('both layouts decode to the same text, so a post read in both gets one id', () => {
    const text = 'Array<String> & sockets: connection <private> failed > 3';
    expect(LAYOUTS.map((layout) => cleanText(encodeText(text, layout)))).toEqual([text, text]);
    expect(encodeText(text, 'compact')).toEqual(
      'Array<String> & sockets: connection &lt;private&gt; failed > 3',
    );
  });

  it('writes counts from a thousand up as the forum does, 3.3k', () => {
    const always = () => 0;
    expect([265, 3300, 12_000, 250_400].map((n) => formatCount(n, always))).toEqual([
      '265',
      '3.3k',
      '12k',
      '250k',
    ]);
  });

  it('writes every form of an error code that users type', () => {
    expect(codeForms('-9836', 'errSSLPeerProtocolVersion')).toEqual([
      '-9836',
      'error -9836',
      'OSStatus -9836',
      '(-9836)',
      'Error Domain=NSOSStatusErrorDomain Code=-9836',
      'errSSLPeerProtocolVersion',
    ]);
    expect(codeForms('0xBAADCA11', undefined)).toEqual([
      '0xBAADCA11',
      '0xbaadca11',
      'exception code 0xBAADCA11',
      'baadca11',
    ]);
  });
});

describe('generate command', () => {
  it('reads --posts (with _ separators), --out and --seed', () => {
    expect(parseGenerateArgs(['--posts', '100_000', '--out', 'x.txt'])).toEqual({
      posts: 100_000,
      out: 'x.txt',
      seed: '1',
    });
    expect(() => parseGenerateArgs(['--posts', 'many', '--out', 'x.txt'])).toThrow(
      /--posts: expected a number/,
    );
  });
});

describe('a generated corpus', () => {
  const file = path.join(dir, 'c2k.txt');
  let stats: CorpusStats;
  let text: string;
  let result: IngestResult;

  beforeAll(async () => {
    stats = await writeCorpus(file, { posts: 2000, seed: 'test' }, vocab);
    text = readFileSync(file, 'utf8');
    result = await ingest([file], { catalog, topics }, { asOf: new Date('2025-06-15T00:00:00Z') });
  }, 120_000);

  it('is the same bytes for the same seed and posts, other bytes for another seed', async () => {
    const again = path.join(dir, 'again.txt');
    const other = path.join(dir, 'other.txt');
    await writeCorpus(again, { posts: 2000, seed: 'test' }, vocab);
    await writeCorpus(other, { posts: 2000, seed: 'other' }, vocab);
    expect(sha(again)).toEqual(sha(file));
    expect(sha(other)).not.toEqual(sha(file));
    expect(stats.bytes).toEqual(Buffer.byteLength(text));
  });

  it('is read whole by ingest: every record accepted or merged, none rejected or skipped', () => {
    const r = result.report;
    expect({
      read: r.read,
      accepted: r.accepted,
      merged: r.merged,
      rejected: r.rejected,
      skipped: r.skipped.length,
    }).toEqual({
      read: stats.records,
      accepted: 2000,
      merged: stats.duplicates,
      rejected: 0,
      skipped: 0,
    });
    expect(stats.duplicates).toBeGreaterThan(0);
  });

  it('mixes both layouts, ends without a trailing newline, and writes k-counts and relative dates', () => {
    expect(text.startsWith('Network Extension\n\nRSS for tag\n')).toBe(true);
    expect(text.endsWith('\n')).toBe(false);
    expect(/^Replies$/m.test(text.slice(text.indexOf('Activity\n\n') + 10))).toBe(true);
    expect(/\n\d+\n\d+\n[\d.]+k?\n[A-Z][a-z]{2} ’\d{2}\n/.test(text)).toBe(true);
    expect(/^\d+(\.\d)?k$/m.test(text)).toBe(true);
    expect(/^\d{1,2}[hdw]$/m.test(text)).toBe(true);
  });

  it('populates the four facets with skewed values, the common codes and every platform among them', () => {
    const posts = result.posts;
    const share = (f: (p: (typeof posts)[number]) => unknown[]) =>
      posts.filter((p) => f(p).length > 0).length / posts.length;
    expect(share((p) => p.topics)).toEqual(1);
    expect(share((p) => p.apiClasses)).toBeGreaterThan(0.8);
    expect(share((p) => p.osVersions)).toBeGreaterThan(0.4);
    expect(share((p) => p.errorCodes)).toBeGreaterThan(0.25);
    const codes = new Set(posts.flatMap((p) => p.errorCodes));
    expect(['-9836', '0xBAADCA11', '0xDEAD10CC'].filter((c) => codes.has(c))).toEqual([
      '-9836',
      '0xBAADCA11',
      '0xDEAD10CC',
    ]);
    expect([...new Set(posts.flatMap((p) => p.os.map((o) => o.platform)))].sort()).toEqual(
      [...PLATFORMS].sort(),
    );
    expect(new Set(posts.flatMap((p) => p.topics)).size).toEqual(topics.length);
    const words = posts.map((p) => p.body.split(' ').length);
    const mean = words.reduce((a, b) => a + b, 0) / words.length;
    expect(mean).toBeGreaterThan(250);
    expect(mean).toBeLessThan(350);
  });
});
