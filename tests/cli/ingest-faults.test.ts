import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngest } from '@/lib/cli/ingest-command';
import { LOCK_FILE } from '@/lib/search/embedded/data-lock';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { INDEX_FILE } from '@/lib/search/embedded/store';
import { WRITE_POINTS } from '@/lib/search/embedded/write-faults';
import { captureIO, DUMP_PATH, tempDir } from '../helpers/fixtures';

/**
 * Kill `npm run ingest` at each write point (the INGEST_FAULT seam: SIGKILL from inside the writer) while an
 * older index is served from the same folder. `FAULT_ROUNDS` repeats every point (default once) and
 * `FAULT_DUMP` ingests another dump (say one of `npm run generate`) for a longer run.
 */
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 1);
const DUMP = process.env.FAULT_DUMP ?? DUMP_PATH;
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Run the ingest command as its own process, as `npm run ingest` does (in this very process: a kill is its own). */
function ingestProcess(dataDir: string, fault?: string) {
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'scripts/ingest.ts',
      DUMP,
      '--data-dir',
      dataDir,
      '--as-of',
      '2025-06-01',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, INGEST_FAULT: fault ?? '', MEILI_HOST: '', SEARCH_ENGINE: '' },
    },
  );
  // Killed by SIGKILL: the signal itself, or 128 + 9 where a wrapper (vitest's environment) reports it so.
  const killed = result.signal === 'SIGKILL' || result.status === 137;
  return { status: result.status, killed, stderr: result.stderr };
}

const dataFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.bin'));

describe('an ingest killed while it writes the index', () => {
  const kills = Array.from({ length: ROUNDS }, () => WRITE_POINTS).flat();
  const dir = tempDir('ne-kill-');
  const first = ingestProcess(dir);
  const served = new EmbeddedEngine(dir);
  const tally = { kills: 0, debrisAfterKill: 0, leftAfterNextIngest: 0 };
  afterAll(() => {
    console.log(`faults: ${JSON.stringify({ dump: path.basename(DUMP), ...tally })}`);
  });

  it.each(kills.map((point, round) => ({ point, round })))(
    'killed at $point (kill $round): the old index still answers, and the next ingest leaves no other file',
    async ({ point }) => {
      expect(first.status).toEqual(0);
      const before = await served.search({ q: '-9836' });
      const killed = ingestProcess(dir, `${point}:kill`);
      const left = readdirSync(dir).sort();
      tally.kills += killed.killed ? 1 : 0;
      tally.debrisAfterKill += left.length - 3; // beyond the manifest, the data file and the ledger
      const after = await new EmbeddedEngine(dir).search({ q: '-9836' });
      expect({
        killed: killed.killed,
        total: after.total,
        first: after.hits[0]?.post.id,
        debris: left.includes(LOCK_FILE) && dataFiles(dir).length === 2,
      }).toEqual({ killed: true, total: before.total, first: before.hits[0]?.post.id, debris: true });
      const next = ingestProcess(dir);
      tally.leftAfterNextIngest += readdirSync(dir).length - 3;
      expect({ status: next.status, stderr: next.stderr, files: readdirSync(dir).length }).toEqual({
        status: 0,
        stderr: '',
        files: 3,
      });
      expect([readdirSync(dir).includes(INDEX_FILE), dataFiles(dir).length]).toEqual([true, 1]);
      expect((await served.search({ q: '-9836' })).total).toEqual(before.total);
    },
    120_000,
  );
});

describe('two ingests into one data folder', () => {
  it('the second refuses with one sentence naming the folder and the pid holding it, exit code 2, index untouched', async () => {
    const dir = tempDir('ne-lock-cli-');
    const holder = process.ppid; // a process that runs while this test does
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: holder, since: '2026-12-03T12:00:00.000Z' }),
    );
    const { io, err } = captureIO();
    const code = await runIngest([DUMP_PATH, '--data-dir', dir, '--engine', 'embedded'], io);
    expect({ code, err, files: readdirSync(dir) }).toEqual({
      code: 2,
      err: [
        `The data folder ${dir} is in use by another ingest (pid ${holder}, since 2026-12-03T12:00:00.000Z): ` +
          `wait for it to finish, or delete ${path.join(dir, LOCK_FILE)} if that process is not an ingest.`,
      ],
      files: [LOCK_FILE],
    });
  });

  it('names the folder and the remedy when --data-dir is a file', async () => {
    const file = path.join(tempDir('ne-datadir-'), 'not-a-folder');
    writeFileSync(file, 'x');
    const { io, err } = captureIO();
    const code = await runIngest([DUMP_PATH, '--data-dir', file, '--engine', 'embedded'], io);
    expect({ code, err }).toEqual({
      code: 2,
      err: [
        `The data folder ${file} is a file, not a folder: choose a folder (it is created if missing), then run \`npm run ingest\` again (the index in place is left as it was).`,
      ],
    });
  });

  it('names the export file and the remedy when it cannot be written', async () => {
    const exportFile = path.join(tempDir('ne-export-'), 'no-such-folder', 'posts.jsonl');
    const { io, err } = captureIO();
    const code = await runIngest(
      [DUMP_PATH, '--data-dir', tempDir('ne-export-'), '--engine', 'embedded', '--export', exportFile],
      io,
    );
    expect({ code, err }).toEqual({
      code: 2,
      err: [
        `The export file ${exportFile} is in a folder that does not exist: create it or choose another, then run the ingest again (the index was left as it was).`,
      ],
    });
  });
});
