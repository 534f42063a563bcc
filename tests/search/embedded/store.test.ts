import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { EngineUnavailableError } from '@/lib/errors';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { INDEX_FILE, loadSnapshot } from '@/lib/search/embedded/store';
import { buildInvertedIndex, IMPACT_STEPS, quantizeImpact } from '@/lib/search/embedded/inverted/build';
import { LruCache, resultKey } from '@/lib/search/embedded/result-cache';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';

describe('LruCache', () => {
  it('evicts the least recently used entry, where a read counts as a use', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toEqual(1);
    cache.set('c', 3);
    expect({ a: cache.get('a'), b: cache.get('b'), c: cache.get('c'), size: cache.size }).toEqual({
      a: 1,
      b: undefined,
      c: 3,
      size: 2,
    });
  });

  it('stores nothing with a capacity of 0', () => {
    const cache = new LruCache<number>(0);
    cache.set('a', 1);
    expect({ a: cache.get('a'), size: cache.size }).toEqual({ a: undefined, size: 0 });
  });
});

describe('resultKey', () => {
  it('is the same for a request with and without its defaults, whatever the key order', () => {
    expect(resultKey({ q: 'vpn' })).toEqual(
      resultKey({ perPage: 20, page: 1, sort: 'relevance', q: 'vpn', filters: { code: [] } }),
    );
  });

  it('differs when the page, sort or a filter differs', () => {
    const keys = [
      { q: 'vpn' },
      { q: 'vpn', page: 2 },
      { q: 'vpn', sort: 'views' as const },
      { q: 'vpn', filters: { api: ['NWConnection'] } },
      { q: 'vpn', filters: { osRange: { platform: 'iOS' as const, min: 17_000_000 } } },
    ].map(resultKey);
    expect(new Set(keys).size).toEqual(5);
  });
});

describe('embedded engine result cache', () => {
  it('answers a repeated search with the same result, and forgets it when the index is replaced', async () => {
    const posts = await realPosts();
    const engine = new EmbeddedEngine(tempDir('ne-cache-'), { cacheEntries: 8 });
    await engine.replaceAll(posts);
    const first = await engine.search({ q: '-9836' });
    const again = await engine.search({ q: '-9836', page: 1 });
    expect(again.hits).toBe(first.hits);
    expect(first.hits.map((h) => h.post.title)[0]).toEqual('TLS communication error between iPhone and iPad');

    await engine.replaceAll(
      posts.filter((p) => p.title !== 'TLS communication error between iPhone and iPad'),
    );
    const after = await engine.search({ q: '-9836' });
    expect(after.hits.map((h) => h.post.title)).not.toContain(
      'TLS communication error between iPhone and iPad',
    );
    expect(after.total).toEqual(first.total - 1);
  });

  it('runs every search when the cache is off', async () => {
    const engine = new EmbeddedEngine(tempDir('ne-cache-'), { cacheEntries: 0 });
    await engine.replaceAll(await realPosts());
    const first = await engine.search({ q: 'vpn' });
    const again = await engine.search({ q: 'vpn' });
    expect(again.hits).not.toBe(first.hits);
    expect(again.hits.map((h) => h.post.id)).toEqual(first.hits.map((h) => h.post.id));
  });
});

describe('saved index format', () => {
  it('quantizes impacts to 16-bit multiples of each term’s scale, the largest to 65535', () => {
    expect([0, 0.5, 1, 1.99, 2].map((v) => quantizeImpact(v, 2 / IMPACT_STEPS))).toEqual([
      0, 16384, 32768, 65207, 65535,
    ]);
    expect({ aboveTop: quantizeImpact(2.0001, 2 / IMPACT_STEPS), zeroScale: quantizeImpact(1, 0) }).toEqual({
      aboveTop: IMPACT_STEPS,
      zeroScale: 0,
    });
  });

  it('builds impacts whose largest per term is 65535 and whose scale restores the score', () => {
    const index = buildInvertedIndex(3, (doc) => ['', '', ['vpn', 'vpn tunnel', 'vpn vpn vpn'][doc]!, '']);
    const vpn = index.terms.indexOf('vpn');
    const impacts = Array.from(index.impacts.subarray(index.start[vpn]!, index.start[vpn + 1]!));
    expect(Math.max(...impacts)).toEqual(IMPACT_STEPS);
    expect(impacts.length).toEqual(3);
    // Three occurrences (doc 2) score above one (doc 0), length normalisation notwithstanding.
    expect(impacts[2]! > impacts[0]!).toEqual(true);
  });

  it('removes the data file of an index saved in an older format when a new one is saved', async () => {
    const dir = tempDir('ne-format-');
    const oldData = 'index-old-format.bin';
    writeFileSync(path.join(dir, oldData), 'old');
    writeFileSync(path.join(dir, INDEX_FILE), JSON.stringify({ format: 1, data: oldData }));
    await new EmbeddedEngine(dir).replaceAll(await realPosts());
    expect(existsSync(path.join(dir, oldData))).toEqual(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin')).length).toEqual(1);
  });

  it('calls an index of format 6 (before the ledger) outdated: --add asks for a rebuild from the dumps', async () => {
    const dir = tempDir('ne-format-');
    await new EmbeddedEngine(dir).replaceAll((await realPosts()).slice(0, 2));
    const manifest = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as Record<string, unknown>;
    delete manifest.ledger;
    writeFileSync(path.join(dir, INDEX_FILE), JSON.stringify({ ...manifest, format: 6 }));
    const outdated = `The search index at ${path.join(dir, INDEX_FILE)} is from another version: run \`npm run ingest\` again.`;
    await expect(new EmbeddedEngine(dir).ledger()).rejects.toThrow(outdated);
    await expect(new EmbeddedEngine(dir).readPosts()).rejects.toThrow(outdated);
  });

  it('calls an index damaged when the ledger its manifest names is missing or does not parse', async () => {
    const dir = tempDir('ne-format-');
    await new EmbeddedEngine(dir).replaceAll((await realPosts()).slice(0, 2));
    const { ledger } = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as { ledger: string };
    expect(JSON.parse(readFileSync(path.join(dir, ledger), 'utf8'))).toEqual([]);
    writeFileSync(path.join(dir, ledger), '[{"file":');
    await expect(new EmbeddedEngine(dir).ledger()).rejects.toThrow(
      `The search index at ${path.join(dir, INDEX_FILE)} is damaged: run \`npm run ingest\` again.`,
    );
  });

  /** Overwrite bytes of a saved section, `at` bytes into it (from its end when negative). */
  function patchSection(dir: string, name: string, at: number, bytes: Uint8Array): void {
    const manifest = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as {
      data: string;
      sections: Array<{ name: string; offset: number; length: number }>;
    };
    const section = manifest.sections.find((s) => s.name === name)!;
    const fd = openSync(path.join(dir, manifest.data), 'r+');
    writeSync(fd, bytes, 0, bytes.length, section.offset + (at < 0 ? section.length + at : at));
    closeSync(fd);
  }

  it('calls an index damaged when a posting points past the last post', async () => {
    const dir = tempDir('ne-format-');
    await new EmbeddedEngine(dir).replaceAll(await realPosts());
    patchSection(dir, 'postings.docs', -4, new Uint8Array(Uint32Array.from([1_000_000]).buffer));
    await expect(new EmbeddedEngine(dir).count()).rejects.toThrow(
      `The search index at ${path.join(dir, INDEX_FILE)} is damaged: run \`npm run ingest\` again.`,
    );
  });

  /** Record in the manifest the checksum of a section as it now is (damage its samples would not see). */
  function resealSection(dir: string, name: string): void {
    const file = path.join(dir, INDEX_FILE);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      data: string;
      sections: Array<{ name: string; offset: number; length: number; crc: number }>;
    };
    const section = manifest.sections.find((s) => s.name === name)!;
    expect(section.length).toBeLessThan(8192); // small enough that its checksum covers all of it
    const bytes = readFileSync(path.join(dir, manifest.data)).subarray(
      section.offset,
      section.offset + section.length,
    );
    section.crc = crc32(bytes);
    writeFileSync(file, JSON.stringify(manifest));
  }

  it('calls an index damaged at load when a section no longer matches its checksum', async () => {
    const dir = tempDir('ne-format-');
    await new EmbeddedEngine(dir).replaceAll(await realPosts());
    patchSection(dir, 'slugs', 1, new TextEncoder().encode('{'));
    await expect(new EmbeddedEngine(dir).search({ q: '-9836' })).rejects.toThrow(
      `The search index at ${path.join(dir, INDEX_FILE)} is damaged: run \`npm run ingest\` again.`,
    );
  });

  it('reads slugs on the first lookup: a damaged slug list leaves search working and makes lookups and the slug list say so', async () => {
    const dir = tempDir('ne-format-');
    await new EmbeddedEngine(dir).replaceAll(await realPosts());
    patchSection(dir, 'slugs', 1, new TextEncoder().encode('{'));
    resealSection(dir, 'slugs');
    const engine = new EmbeddedEngine(dir);
    expect((await engine.search({ q: '-9836' })).hits[0]!.post.title).toEqual(
      'TLS communication error between iPhone and iPad',
    );
    await expect(engine.getPost('anything')).rejects.toThrow(
      `The search index at ${path.join(dir, INDEX_FILE)} is damaged: run \`npm run ingest\` again.`,
    );
    await expect(engine.slugs()).rejects.toThrow(
      `The search index at ${path.join(dir, INDEX_FILE)} is damaged: run \`npm run ingest\` again.`,
    );
  });
});

describe('reading every post back (readPosts, as --add does)', () => {
  it('reads every post, in doc order, as reading them one by one does', async () => {
    const dir = tempDir('ne-read-all-');
    const posts = await realPosts();
    await new EmbeddedEngine(dir).replaceAll(posts);
    const engine = new EmbeddedEngine(dir, { cacheEntries: 0 });
    expect(await engine.readPosts()).toEqual(posts);
    expect(await engine.readPosts(posts.map((p) => p.id))).toEqual(posts);
    // Windows smaller than most records, and than a few: each window starts at a record and holds at least it.
    const { posts: store } = await loadSnapshot(dir);
    expect(store.all(1000)).toEqual(posts);
    expect(store.all(1)).toEqual(posts);
    store.close(0);
  });

  it('calls the index damaged when a post record no longer parses', async () => {
    const dir = tempDir('ne-read-all-');
    await new EmbeddedEngine(dir).replaceAll(await realPosts());
    const manifest = JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as {
      data: string;
      records: { at: number };
    };
    // The first record's opening brace: the checksum of the records' first bytes no longer matters once loaded.
    const engine = new EmbeddedEngine(dir, { cacheEntries: 0 });
    await engine.count();
    const fd = openSync(path.join(dir, manifest.data), 'r+');
    writeSync(fd, Buffer.from('x'), 0, 1, manifest.records.at);
    closeSync(fd);
    await expect(engine.readPosts()).rejects.toThrow(
      new EngineUnavailableError(
        `The search index at ${path.join(dir, INDEX_FILE)} is damaged: run \`npm run ingest\` again.`,
      ),
    );
  });
});

describe('the embedded engine’s health check (ping)', () => {
  /** The data file an index's manifest names. */
  const dataFile = (dir: string) =>
    path.join(dir, (JSON.parse(readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as { data: string }).data);
  const damaged = (dir: string) =>
    `The search index at ${path.join(dir, INDEX_FILE)} is damaged: run \`npm run ingest\` again.`;

  it('passes on a whole index, and fails on a data file cut short under a valid manifest', async () => {
    const dir = tempDir('ne-ping-');
    await new EmbeddedEngine(dir).replaceAll(await realPosts());
    const engine = new EmbeddedEngine(dir);
    await engine.ping();
    truncateSync(dataFile(dir), statSync(dataFile(dir)).size - 100);
    await expect(engine.ping()).rejects.toThrow(new EngineUnavailableError(damaged(dir)));
  });

  it('notices a data file damaged in place while served (same size), and searches then answer 503, not 500', async () => {
    const dir = tempDir('ne-ping-');
    await new EmbeddedEngine(dir).replaceAll(await realPosts());
    const engine = new EmbeddedEngine(dir, { cacheEntries: 0 });
    expect((await engine.search({ q: '-9836' })).total).toEqual(1);
    const size = statSync(dataFile(dir)).size;
    const fd = openSync(dataFile(dir), 'r+');
    writeSync(fd, Buffer.alloc(2000, 0x20), 0, 2000, size - 2000);
    closeSync(fd);
    await expect(engine.ping()).rejects.toThrow(new EngineUnavailableError(damaged(dir)));
    // The posts at the end of the file no longer read: whichever search reaches one is told the index is damaged.
    const all = await engine.search({ q: '', perPage: 100 }).catch((e: unknown) => e);
    expect(all).toEqual(new EngineUnavailableError(damaged(dir)));
  });
});
