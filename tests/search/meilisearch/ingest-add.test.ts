import { copyFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { runIngest } from '@/lib/cli/ingest-command';
import { fileSha256 } from '@/lib/ingest/ledger';
import { Post } from '@/lib/posts/schema';
import { ingest } from '@/lib/ingest/pipeline';
import { buildVocabulary } from '@/lib/search/vocabulary';
import { MeilisearchEngine, toMeiliDocument } from '@/lib/search/meilisearch/engine';
import { captureIO, tempDir } from '../../helpers/fixtures';
import { STUB_MASTER_KEY, startMeiliStub, type MeiliStub } from '../../helpers/meili-v115-stub';

/*
 * `npm run ingest -- --add` on Meilisearch, through the real client against the v1.15 stub: it fetches the posts
 * already indexed that the new captures touch, sends only their merged documents (same primary key: they replace
 * the old ones) and appends to the `<index>-ledger` index, with no swap.
 */
const ADDITIONS = path.resolve(__dirname, '../../fixtures/additions');

function copyCaptures(): [string, string] {
  const dir = tempDir('ne-meili-add-');
  const [a, b] = [
    ['network-extension-tag.txt', '2025-06-02T00:00:00.000Z'],
    ['networking-subtopic.txt', '2025-07-15T00:00:00.000Z'],
  ].map(([name, captured]) => {
    const file = path.join(dir, name!);
    copyFileSync(path.join(ADDITIONS, name!), file);
    utimesSync(file, new Date(captured!), new Date(captured!));
    return file;
  });
  return [a!, b!];
}

describe('ingest --add into Meilisearch', () => {
  let added: MeiliStub;
  let a: string, b: string;
  let addRequests: MeiliStub['seen'];
  let addRun: { code: number; out: string[]; err: string[] };

  /** Run the ingest command against the stub (MEILI_HOST and the key come from the environment, read once). */
  async function ingestInto(...args: string[]) {
    const { io, out, err } = captureIO();
    const code = await runIngest([...args, '--engine', 'meilisearch'], io);
    return { code, out, err };
  }

  beforeAll(async () => {
    [a, b] = copyCaptures();
    added = await startMeiliStub();
    vi.stubEnv('MEILI_HOST', added.host);
    vi.stubEnv('MEILI_MASTER_KEY', STUB_MASTER_KEY);
    expect((await ingestInto(a)).code).toEqual(0);
    const from = added.seen.length;
    addRun = await ingestInto('--add', b);
    addRequests = added.seen.slice(from);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await added.close();
  });

  it('reads the ledger, fetches the posts it touches by id, upserts only their documents, appends to the ledger, no swap', () => {
    expect(addRun.code).toEqual(0);
    expect(
      addRequests
        .filter((r) => !r.path.startsWith('/tasks/'))
        .map((r) => `${r.method} ${r.path.replace(/_\d+/, '_N')}`),
    ).toEqual([
      'GET /indexes/posts-ledger/documents',
      'POST /indexes/posts/documents/fetch',
      'GET /indexes/posts',
      // The engine's own read of the posts it replaces, and of the vocabulary it updates: no post is read but those.
      'POST /indexes/posts/documents/fetch',
      'POST /indexes/posts-vocabulary/search',
      'POST /indexes/posts/documents',
      'GET /indexes/posts/stats',
      // Only the words whose counts changed, in one chunk of changes after the vocabulary's chunks.
      'POST /indexes/posts-vocabulary/documents',
      'GET /indexes/posts-ledger/documents',
      'GET /indexes/posts-ledger',
      'POST /indexes/posts-ledger/documents',
      'GET /indexes/posts/stats',
    ]);
    const fetch = addRequests.find((r) => r.path === '/indexes/posts/documents/fetch')!;
    expect(fetch.body).toEqual({
      filter: 'id IN ["762bf0be8c26", "6b4889525ff0", "0ca4946444ba"]',
      limit: 3,
      offset: 0,
    });
    const fetches = addRequests.filter((r) => r.path === '/indexes/posts/documents/fetch');
    expect(fetches[1]!.body).toEqual(fetch.body);
    const changes = addRequests.find((r) => r.path === '/indexes/posts-vocabulary/documents')!;
    // The words of the one new post, each with its count after the add (the merged posts' words are unchanged).
    expect(changes.body).toEqual([
      {
        id: 1000,
        words: [
          'appended',
          'but',
          'dns',
          'DNSSettings',
          'domain',
          'domains',
          'gets',
          'ignores',
          'local',
          'lookup',
          'match',
          'matchdomains',
          'name',
          'nedns',
          'NEDNSSettings',
          'never',
          'resolver',
          'search',
          'set',
          'settings',
          'short',
          'the',
          'with',
        ],
        counts: [1, 3, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 3, 1],
      },
    ]);
    const upsert = addRequests.find((r) => r.method === 'POST' && r.path === '/indexes/posts/documents')!;
    expect((upsert.body as Array<{ id: string }>).map((d) => d.id)).toEqual([
      '762bf0be8c26',
      '6b4889525ff0',
      '0ca4946444ba',
    ]);
  });

  it('holds what one ingest of both captures holds: the same documents, and the ledger of both', async () => {
    const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
    const both = await ingest([a, b], context);
    expect([...added.indexes.get('posts')!.documents.values()]).toEqual(both.posts.map(toMeiliDocument));
    const engine = new MeilisearchEngine({ host: added.host, apiKey: STUB_MASTER_KEY, indexName: 'posts' });
    expect(await engine.vocabulary()).toEqual(buildVocabulary(both.posts));
    const ledger = await engine.ledger();
    expect(ledger).toEqual([
      {
        file: a,
        size: statSync(a).size,
        sha256: await fileSha256(a),
        capturedAt: '2025-06-02T00:00:00.000Z',
        read: 4,
        accepted: 3,
        merged: 1,
        rejected: 0,
      },
      {
        file: b,
        size: statSync(b).size,
        sha256: await fileSha256(b),
        capturedAt: '2025-07-15T00:00:00.000Z',
        read: 4,
        accepted: 1,
        merged: 2,
        rejected: 1,
      },
    ]);
    expect([...added.indexes.get('posts-ledger')!.documents.keys()]).toEqual(['0', '1']);
    expect(both.posts.map((d) => [d.title, d.views, d.activity])).toEqual([
      ['Content filter blocks DNS over HTTPS', 152, '2025-05'],
      ['Transparent proxy and QUIC', 480, '2025-07'],
      ['Packet tunnel stops after the Mac sleeps', 35, '2025-06'],
      ['Local DNS resolver ignores search domains', 12, '2025-07'],
    ]);
  });

  it('with --export, reads every live post once, and writes the posts the index then holds', async () => {
    const [, c] = copyCaptures().map((file) => `${file}.again`);
    copyFileSync(b, c!);
    writeFileSync(c!, `${readFileSync(c!, 'utf8')}\n`);
    utimesSync(c!, new Date('2025-07-15T00:00:00.000Z'), new Date('2025-07-15T00:00:00.000Z'));
    const exported = path.join(tempDir('ne-meili-export-'), 'posts.jsonl');
    const from = added.seen.length;
    expect((await ingestInto('--add', c!, '--export', exported)).code).toEqual(0);
    const requests = added.seen.slice(from).map((r) => `${r.method} ${r.path}`);
    expect(requests.filter((r) => r === 'GET /indexes/posts/documents')).toEqual([
      'GET /indexes/posts/documents',
    ]);
    const live = [...added.indexes.get('posts')!.documents.values()].map((doc) => Post.parse(doc));
    expect(readFileSync(exported, 'utf8')).toEqual(live.map((post) => `${JSON.stringify(post)}\n`).join(''));
  });

  it('adding the same capture again sends nothing but the ledger read, says so and exits 0', async () => {
    const from = added.seen.length;
    const again = await ingestInto('--add', b);
    expect(again).toEqual({
      code: 0,
      out: [
        `Skipped ${b}: already in the index (the same bytes as ${b}, by SHA-256).`,
        'Nothing to add: the index was left as it was.',
      ],
      err: [],
    });
    expect(added.seen.slice(from).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /indexes/posts-ledger/documents',
    ]);
  });
});
