import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSearchArgs, UsageError } from '@/lib/cli/args';
import { runIngest } from '@/lib/cli/ingest-command';
import { runSearch } from '@/lib/cli/search-command';
import { captureIO, DUMP_PATH, tempDir, tempFile } from '../helpers/fixtures';

describe('npm run ingest and npm run search', () => {
  const dataDir = tempDir('ne-cli-');
  const exportFile = path.join(tempDir(), 'posts.jsonl');
  let ingestOut: string[];

  beforeAll(async () => {
    const { io, out } = captureIO();
    const code = await runIngest(
      [
        DUMP_PATH,
        '--data-dir',
        dataDir,
        '--engine',
        'embedded',
        '--export',
        exportFile,
        '--as-of',
        '2025-06-01',
      ],
      io,
    );
    expect(code).toBe(0);
    ingestOut = out;
  });

  it('says when no thread has every word, and --strict requires every word', async () => {
    const q = 'vpn blocked safari stuck';
    const relaxed = captureIO();
    expect(await runSearch([q, '--data-dir', dataDir, '--engine', 'embedded'], relaxed.io)).toBe(0);
    expect(relaxed.out.join('\n').split('\n').slice(0, 2)).toEqual(
      [
        '11 posts matched',
        'No thread has every word. Showing threads without: vpn, blocked, safari (--strict: every word)',
      ].map((line, i) => (i === 0 ? expect.stringMatching(/^11 posts matched \(/) : line)),
    );
    const strict = captureIO();
    expect(await runSearch([q, '--strict', '--data-dir', dataDir, '--engine', 'embedded'], strict.io)).toBe(
      0,
    );
    expect(strict.out.join('\n')).toEqual('No posts matched.');
  });

  it('prints a summary that accounts for every record', () => {
    const text = ingestOut.join('\n');
    expect(text).toContain(`${DUMP_PATH}: 39 read, 20 accepted, 19 merged, 0 rejected`);
    expect(text).toContain('Records: 39 read = 20 accepted + 19 merged + 0 rejected');
    expect(text).toContain('Posts indexed: 20');
  });

  it('exports every accepted post as one JSON object per line', () => {
    const lines = readFileSync(exportFile, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(20);
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'id',
        'slug',
        'title',
        'body',
        'replies',
        'boosts',
        'views',
        'activity',
        'topics',
        'apiClasses',
        'osVersions',
        'errorCodes',
        'feedbackIds',
        'source',
      ]),
    );
    expect(first.source).toEqual({ file: DUMP_PATH, line: 21 });
  });

  it('offers the corrected query first, in text and in --json, only when it finds more', async () => {
    const text = captureIO();
    expect(await runSearch(['vpm', '--data-dir', dataDir, '--engine', 'embedded'], text.io)).toBe(0);
    expect(text.out.join('\n')).toEqual('Did you mean: vpn\nNo posts matched.');
    const partial = captureIO();
    await runSearch(['contnet fitler provdr', '--data-dir', dataDir, '--engine', 'embedded'], partial.io);
    expect(partial.out.join('\n').split('\n').slice(0, 3)).toEqual([
      'Did you mean: content filter provider',
      expect.stringMatching(/^1 post matched \(/),
      'No thread has every word. Showing threads without: provdr (--strict: every word)',
    ]);
    const json = captureIO();
    await runSearch(['contnet fitler provdr', '--json', '--data-dir', dataDir], json.io);
    const body = JSON.parse(json.out.join('\n')) as Record<string, unknown>;
    expect([Object.keys(body), body.suggestion]).toEqual([
      ['total', 'hits', 'facets', 'droppedWords', 'relaxedWords', 'suggestion'],
      'content filter provider',
    ]);
    const fine = captureIO();
    await runSearch(['-9836', '--json', '--data-dir', dataDir], fine.io);
    expect('suggestion' in (JSON.parse(fine.out.join('\n')) as object)).toEqual(false);
  });

  it('prints the TLS thread first for "-9836", readable in a terminal', async () => {
    const { io, out } = captureIO();
    expect(await runSearch(['-9836', '--data-dir', dataDir, '--engine', 'embedded'], io)).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^1 post matched \(\d+(\.\d+)? ms\)$/);
    expect(lines.slice(1, 3)).toEqual(['', '1. TLS communication error between iPhone and iPad']);
  });

  it('prints { total, hits, facets } with --json', async () => {
    const { io, out } = captureIO();
    await runSearch(['0xbaadca11', '--json', '--data-dir', dataDir, '--engine', 'embedded'], io);
    const json = JSON.parse(out.join('\n'));
    expect(Object.keys(json)).toEqual(['total', 'hits', 'facets']);
    expect(json.total).toBe(1);
    expect(json.hits[0].title).toBe('0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)');
    expect(json.facets.code).toEqual({ '0xBAADCA11': 1 });
    expect(Object.keys(json.facets)).toEqual(['topic', 'api', 'os', 'code', 'forum']);
  });

  it('filters with --api and --code and sorts with --sort', async () => {
    const { io, out } = captureIO();
    await runSearch(
      [
        '',
        '--api',
        'NEPacketTunnelProvider',
        '--sort',
        'views',
        '--json',
        '--data-dir',
        dataDir,
        '--engine',
        'embedded',
      ],
      io,
    );
    const json = JSON.parse(out.join('\n'));
    expect(json.hits.map((h: { views: number }) => h.views)).toEqual(
      [...json.hits.map((h: { views: number }) => h.views)].sort((a: number, b: number) => b - a),
    );
    for (const hit of json.hits) expect(hit.apiClasses).toContain('NEPacketTunnelProvider');
  });

  it('reads a query that starts with a minus as the query, not an option', () => {
    expect(parseSearchArgs(['-9836', '--limit', '3'])).toMatchObject({ query: '-9836', limit: 3 });
  });

  it('reads --after and --before as activity months, a year alone as its January', () => {
    expect(parseSearchArgs(['vpn', '--after', '2025-05', '--before=2026'])).toMatchObject({
      query: 'vpn',
      after: '2025-05',
      before: '2026-01',
    });
    expect(() => parseSearchArgs(['vpn', '--after', '2025-5'])).toThrow(
      new UsageError("--after: expected a month such as '2025-05' (or a year such as '2025')"),
    );
    expect(() => parseSearchArgs(['vpn', '--before', 'June'])).toThrow(
      new UsageError("--before: expected a month such as '2025-05' (or a year such as '2025')"),
    );
  });

  it('filters by --after/--before exactly as the after:/before: operators, and exits 2 naming a bad month', async () => {
    const ids = async (argv: string[]) => {
      const { io, out } = captureIO();
      expect(await runSearch([...argv, '--limit', '100', '--data-dir', dataDir, '--json'], io)).toBe(0);
      return (JSON.parse(out.join('\n')) as { hits: Array<{ id: string }> }).hits.map((h) => h.id);
    };
    const byOptions = await ids(['', '--after', '2025-04', '--before', '2025-05']);
    expect(byOptions).toEqual(await ids(['after:2025-04 before:2025-05']));
    expect(byOptions.length).toBeGreaterThan(0);
    expect(byOptions.length).toBeLessThan((await ids([''])).length);
    const { io, err } = captureIO();
    expect(await runSearch(['vpn', '--before', '2026-00', '--data-dir', dataDir], io)).toBe(2);
    expect(err.join('\n')).toContain('--before:');
  });

  it('names the bad option and what it takes', () => {
    expect(() => parseSearchArgs(['x', '--sort', 'fastest'])).toThrow(
      new UsageError('--sort: expected one of relevance, activity, views, replies, boosts'),
    );
    expect(() => parseSearchArgs(['x', '--limit', 'many'])).toThrow(
      new UsageError('--limit: expected a number'),
    );
    expect(() => parseSearchArgs(['x', '--colour'])).toThrow(
      new UsageError("Unknown option '--colour'. Run with --help for the options."),
    );
  });

  it('exits 2 with one sentence for a missing path, an empty file and a binary file', async () => {
    const cases: Array<[string, string]> = [
      ['/no/such/dump.txt', 'No such file or folder: /no/such/dump.txt'],
    ];
    const empty = tempFile('empty.txt', '');
    cases.push([empty, `${empty} is empty: there are no posts to ingest.`]);
    const binary = tempFile('bin.txt', Buffer.from([0, 1, 2, 3]));
    cases.push([
      binary,
      `${binary} is not a text forum dump: it holds binary data (a NUL byte at offset 0).`,
    ]);
    for (const [input, message] of cases) {
      const { io, err } = captureIO();
      expect(await runIngest([input, '--data-dir', tempDir(), '--engine', 'embedded'], io)).toBe(2);
      expect(err).toEqual([message]);
    }
  });

  it('says plainly when there is no index yet', async () => {
    const empty = tempDir();
    const { io, err } = captureIO();
    expect(await runSearch(['vpn', '--data-dir', empty, '--engine', 'embedded'], io)).toBe(2);
    expect(err).toEqual([
      `No search index at ${path.join(empty, 'index.json')}: run \`npm run ingest\` first.`,
    ]);
  });

  it('leaves the previous index usable when an ingest fails', async () => {
    const { io } = captureIO();
    expect(
      await runIngest([tempFile('bad.txt', ''), '--data-dir', dataDir, '--engine', 'embedded'], io),
    ).toBe(2);
    const search = captureIO();
    await runSearch(['-9836', '--json', '--data-dir', dataDir, '--engine', 'embedded'], search.io);
    expect(JSON.parse(search.out.join('\n')).total).toBe(1);
  });
});
