import { copyFileSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runIngest } from '@/lib/cli/ingest-command';
import { fileSha256 } from '@/lib/ingest/ledger';
import type { LedgerEntry } from '@/lib/posts/ledger';
import type { Post } from '@/lib/posts/schema';
import { LOCK_FILE } from '@/lib/search/embedded/data-lock';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { BUNDLED_IDS } from '../helpers/bundled-ids';
import { captureIO, DUMP_PATH, tempDir } from '../helpers/fixtures';

const ADDITIONS = path.resolve(__dirname, '../fixtures/additions');
/** Capture A (a tag page) and B (a subtopic page, five weeks later), with the dates they were captured on. */
const CAPTURES = [
  { name: 'network-extension-tag.txt', captured: '2025-06-02T00:00:00.000Z' },
  { name: 'networking-subtopic.txt', captured: '2025-07-15T00:00:00.000Z' },
];

/**
 * Copies of the captures with their capture dates as modification times (a clone resets them), so that the
 * relative dates of each (`3d`, `2w`, `1w`) resolve against its own day.
 */
function copyCaptures(): [string, string] {
  const dir = tempDir('ne-add-in-');
  const [a, b] = CAPTURES.map(({ name, captured }) => {
    const file = path.join(dir, name);
    copyFileSync(path.join(ADDITIONS, name), file);
    utimesSync(file, new Date(captured), new Date(captured));
    return file;
  });
  return [a!, b!];
}

async function ingestInto(dataDir: string, ...args: string[]) {
  const { io, out, err } = captureIO();
  const code = await runIngest([...args, '--data-dir', dataDir, '--engine', 'embedded'], io);
  return { code, out, err };
}

/** Every file of a data folder with its bytes and modification time. */
const folderState = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { name, bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
    });

/** What a post is, as the index keeps it. */
const shape = (p: Post) => ({
  id: p.id,
  slug: p.slug,
  title: p.title,
  counts: [p.replies, p.boosts, p.views],
  activity: p.activity,
  forums: p.forums,
  source: p.source,
});

describe('npm run ingest -- --add', () => {
  let a: string, b: string;
  const added = tempDir('ne-add-');
  const once = tempDir('ne-add-once-');
  let addRun: Awaited<ReturnType<typeof ingestInto>>;
  let onceRun: Awaited<ReturnType<typeof ingestInto>>;

  beforeAll(async () => {
    [a, b] = copyCaptures();
    expect((await ingestInto(added, a)).code).toEqual(0);
    addRun = await ingestInto(added, '--add', b);
    onceRun = await ingestInto(once, a, b);
  });

  it('adding capture B to an index of capture A gives what one ingest of both gives: ids, slugs, counts, forums, activity', async () => {
    expect(addRun.code).toEqual(0);
    const byAdd = await new EmbeddedEngine(added).readPosts();
    const byOnce = await new EmbeddedEngine(once).readPosts();
    expect(byAdd).toEqual(byOnce);
    // Ids hash title and body (`postId`), so the same thread gets the same id and slug in any ingest.
    expect(byAdd.map(shape)).toEqual([
      {
        id: '0eff148f3f0f',
        slug: 'content-filter-blocks-dns-over-https-0eff14',
        title: 'Content filter blocks DNS over HTTPS',
        counts: [2, 0, 152],
        activity: '2025-05',
        forums: [{ name: 'Network Extension', kind: 'tag' }],
        source: { file: a, line: 23 },
      },
      {
        id: '762bf0be8c26',
        slug: 'transparent-proxy-and-quic-762bf0',
        title: 'Transparent proxy and QUIC',
        // B's reading (1w before 15 July) is newer than A's (May ’25).
        counts: [5, 2, 480],
        activity: '2025-07',
        forums: [
          { name: 'Network Extension', kind: 'tag' },
          { name: 'App & System Services', kind: 'topic' },
          { name: 'Networking', kind: 'subtopic' },
        ],
        source: { file: a, line: 29 },
      },
      {
        id: '6b4889525ff0',
        slug: 'packet-tunnel-stops-after-the-mac-sleeps-6b4889',
        title: 'Packet tunnel stops after the Mac sleeps',
        // A's `2w` is May 2025 (2 June less two weeks); B's `Jun ’25` is later, though it has fewer views.
        counts: [1, 0, 35],
        activity: '2025-06',
        forums: [
          { name: 'Network Extension', kind: 'tag' },
          { name: 'Networking', kind: 'subtopic' },
        ],
        source: { file: a, line: 35 },
      },
      {
        id: '0ca4946444ba',
        slug: 'local-dns-resolver-ignores-search-domains-0ca494',
        title: 'Local DNS resolver ignores search domains',
        counts: [0, 0, 12],
        activity: '2025-07',
        forums: [{ name: 'Networking', kind: 'subtopic' }],
        source: { file: b, line: 36 },
      },
    ]);
  });

  it('counts a reading of a post already indexed as merged, so read = accepted + merged + rejected', () => {
    const summary = addRun.out.join('\n');
    expect(summary).toContain('Records: 4 read = 1 accepted + 2 merged + 1 rejected\nPosts indexed: 4\n');
    expect(summary).toContain('Posts added: 1 new, 2 already indexed (merged)');
    // One ingest of both counts B's file the same way.
    expect(onceRun.out.join('\n')).toContain(`  ${b}: 4 read, 1 accepted, 2 merged, 1 rejected`);
    expect(addRun.err).toEqual([`rejected ${b}:46: record cut off at end of file (no body)`]);
  });

  it('keeps a ledger of the files ingested, the same after an --add as after one ingest of both', async () => {
    const expected: LedgerEntry[] = [
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
    ];
    expect(await new EmbeddedEngine(added).ledger()).toEqual(expected);
    expect(await new EmbeddedEngine(once).ledger()).toEqual(expected);
    // The manifest names the ledger file, written beside the data file.
    const manifest = JSON.parse(readFileSync(path.join(added, 'index.json'), 'utf8')) as { ledger: string };
    expect(JSON.parse(readFileSync(path.join(added, manifest.ledger), 'utf8'))).toEqual(expected);
  });

  it('changes nothing when every file is already in the ledger (same bytes, any name), says so and exits 0', async () => {
    const before = folderState(added);
    const renamed = path.join(tempDir('ne-add-copy-'), 'same-bytes.txt');
    copyFileSync(b, renamed);
    const again = await ingestInto(added, '--add', b, renamed);
    expect(again).toEqual({
      code: 0,
      out: [
        `Skipped ${b}: already in the index (the same bytes as ${b}, by SHA-256).`,
        `Skipped ${renamed}: already in the index (the same bytes as ${b}, by SHA-256).`,
        'Nothing to add: the index was left as it was.',
      ],
      err: [],
    });
    expect(folderState(added)).toEqual(before);
  });

  it('exports every post of the index even when there is nothing to add', async () => {
    const exported = path.join(tempDir('ne-add-export-'), 'posts.jsonl');
    const run = await ingestInto(added, '--add', b, '--export', exported);
    expect(run.out.at(-1)).toEqual('Nothing to add: the index was left as it was.');
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Post)).toEqual(await new EmbeddedEngine(added).readPosts());
  });

  it('is picked up by a server already serving the index, as any new index is', async () => {
    const dir = tempDir('ne-add-served-');
    expect((await ingestInto(dir, a)).code).toEqual(0);
    const served = new EmbeddedEngine(dir);
    expect(await served.count()).toEqual(3);
    expect((await ingestInto(dir, '--add', b)).code).toEqual(0);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 1500); // the engine looks at the manifest at most once a second
    expect(await served.count()).toEqual(4);
    expect((await served.getPost('local-dns-resolver-ignores-search-domains-0ca494'))?.views).toEqual(12);
    vi.restoreAllMocks();
  });

  it('asks for a rebuild from the dumps when the index is of an older format', async () => {
    const dir = tempDir('ne-add-old-');
    expect((await ingestInto(dir, a)).code).toEqual(0);
    const manifest = path.join(dir, 'index.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), format: 6 }));
    const run = await ingestInto(dir, '--add', b);
    expect({ code: run.code, err: run.err }).toEqual({
      code: 2,
      err: [`The search index at ${manifest} is from another version: run \`npm run ingest\` again.`],
    });
  });

  it('adds only the files not in the ledger yet, and writes every post of the index to --export', async () => {
    const dir = tempDir('ne-add-export-');
    expect((await ingestInto(dir, a)).code).toEqual(0);
    const exported = path.join(tempDir('ne-add-export-'), 'posts.jsonl');
    const copy = path.join(tempDir('ne-add-copy-'), 'copy-of-b.txt');
    copyFileSync(b, copy);
    const run = await ingestInto(dir, '--add', a, b, copy, '--export', exported);
    expect(run.code).toEqual(0);
    expect(run.out.slice(0, 2)).toEqual([
      `Skipped ${a}: already in the index (the same bytes as ${a}, by SHA-256).`,
      `Skipped ${copy}: the same bytes as ${b}, read once.`,
    ]);
    expect(run.out.at(-1)).toEqual(`Index: embedded; exported 4 posts to ${exported}`);
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Post)).toEqual(await new EmbeddedEngine(once).readPosts());
    expect((await new EmbeddedEngine(dir).ledger()).map((e) => e.file)).toEqual([a, b]);
  });

  it('exports, byte for byte, every post of the index it writes (the posts the add holds, read once)', async () => {
    const dir = tempDir('ne-add-export-');
    expect((await ingestInto(dir, a)).code).toEqual(0);
    const exported = path.join(tempDir('ne-add-export-'), 'posts.jsonl');
    expect((await ingestInto(dir, '--add', b, '--export', exported)).code).toEqual(0);
    const written = (await new EmbeddedEngine(dir).readPosts()).map((post) => `${JSON.stringify(post)}\n`);
    expect(readFileSync(exported, 'utf8')).toEqual(written.join(''));
  });

  it('writes nothing when the --export file cannot be written: exit 2, the index left as it was', async () => {
    const dir = tempDir('ne-add-export-');
    expect((await ingestInto(dir, a)).code).toEqual(0);
    const before = folderState(dir);
    const exported = path.join(tempDir('ne-add-export-'), 'missing', 'posts.jsonl');
    const run = await ingestInto(dir, '--add', b, '--export', exported);
    expect({ code: run.code, err: run.err.at(-1) }).toEqual({
      code: 2,
      err: `The export file ${exported} is in a folder that does not exist: create it or choose another, then run the ingest again (the index was left as it was).`,
    });
    expect(folderState(dir)).toEqual(before);
  });

  it('onto a data folder without an index, ingests the captures as a first ingest would', async () => {
    const dir = tempDir('ne-add-empty-');
    const run = await ingestInto(dir, '--add', a, b);
    expect(run.code).toEqual(0);
    expect(await new EmbeddedEngine(dir).readPosts()).toEqual(await new EmbeddedEngine(once).readPosts());
    expect(await new EmbeddedEngine(dir).ledger()).toEqual(await new EmbeddedEngine(once).ledger());
  });

  it('refuses while another ingest holds the data folder, naming the folder and the pid, the index untouched', async () => {
    const dir = tempDir('ne-add-lock-');
    expect((await ingestInto(dir, a)).code).toEqual(0);
    const holder = process.ppid; // a process that runs while this test does
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: holder, since: '2026-12-04T12:00:00.000Z' }),
    );
    const before = folderState(dir);
    const run = await ingestInto(dir, '--add', b);
    expect({ code: run.code, err: run.err }).toEqual({
      code: 2,
      err: [
        `The data folder ${dir} is in use by another ingest (pid ${holder}, since 2026-12-04T12:00:00.000Z): ` +
          `wait for it to finish, or delete ${path.join(dir, LOCK_FILE)} if that process is not an ingest.`,
      ],
    });
    expect(folderState(dir)).toEqual(before);
  });

  it('needs the captures to add', async () => {
    const run = await ingestInto(tempDir('ne-add-usage-'), '--add');
    expect(run).toEqual({
      code: 2,
      out: [],
      err: ['--add needs the captures to add: npm run ingest -- --add FILE ...'],
    });
  });
});

describe('the bundled seed through --add', () => {
  it('gives its 20 posts with the ids and slugs of one ingest, and adding it again changes nothing', async () => {
    const once = tempDir('ne-seed-once-');
    const added = tempDir('ne-seed-add-');
    expect((await ingestInto(once, DUMP_PATH, '--as-of', '2025-06-01')).code).toEqual(0);
    expect((await ingestInto(added, '--add', DUMP_PATH, '--as-of', '2025-06-01')).code).toEqual(0);
    const posts = await new EmbeddedEngine(added).readPosts();
    expect(posts.map((p) => [p.id, p.slug])).toEqual(BUNDLED_IDS);
    expect(posts).toEqual(await new EmbeddedEngine(once).readPosts());
    const again = await ingestInto(added, '--add', DUMP_PATH);
    expect(again.out.at(-1)).toEqual('Nothing to add: the index was left as it was.');
  });
});
