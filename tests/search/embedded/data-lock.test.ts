import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir, processAlive } from '@/lib/search/embedded/data-lock';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { DataLockError } from '@/lib/errors';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';

/** The pid of a process that has exited. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid!;
  expect(processAlive(pid)).toEqual(false);
  return pid;
}

/** Leave a lock file in `dir` as the ingest `pid` would have. */
function leaveLock(dir: string, pid: number): void {
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid, since: '2026-01-02T03:04:05.000Z' }));
}

describe('the data folder lock', () => {
  it('holds the pid in the lock file while held, and removes it on release', () => {
    const dir = tempDir('ne-lock-');
    const lock = lockDataDir(dir);
    const holder = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect({ pid: holder.pid, files: readdirSync(dir) }).toEqual({ pid: process.pid, files: [LOCK_FILE] });
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder another running process holds, naming the folder and its pid', () => {
    const dir = tempDir('ne-lock-');
    const holder = process.ppid; // alive while this test runs
    leaveLock(dir, holder);
    expect(() => lockDataDir(dir)).toThrow(
      new DataLockError(
        `The data folder ${dir} is in use by another ingest (pid ${holder}, since 2026-01-02T03:04:05.000Z): ` +
          `wait for it to finish, or delete ${path.join(dir, LOCK_FILE)} if that process is not an ingest.`,
      ),
    );
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('takes over the lock of a process that no longer runs (killed mid-ingest)', () => {
    const dir = tempDir('ne-lock-');
    leaveLock(dir, deadPid());
    const lock = lockDataDir(dir);
    const holder = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    lock.release();
    expect({ pid: holder.pid, after: existsSync(path.join(dir, LOCK_FILE)) }).toEqual({
      pid: process.pid,
      after: false,
    });
  });

  it('nests in one process: the writer inside an ingest shares its lock, the last release removes it', () => {
    const dir = tempDir('ne-lock-');
    const outer = lockDataDir(dir);
    const inner = lockDataDir(dir);
    inner.release();
    const heldAfterInner = existsSync(path.join(dir, LOCK_FILE));
    outer.release();
    expect({ heldAfterInner, heldAfterOuter: existsSync(path.join(dir, LOCK_FILE)) }).toEqual({
      heldAfterInner: true,
      heldAfterOuter: false,
    });
  });

  it('keeps the engine from writing into a folder another ingest holds, and leaves the index in place', async () => {
    const dir = tempDir('ne-lock-');
    const posts = await realPosts();
    await new EmbeddedEngine(dir).replaceAll(posts);
    const before = readdirSync(dir).sort();
    leaveLock(dir, process.ppid);
    await expect(new EmbeddedEngine(dir).replaceAll(posts.slice(0, 3))).rejects.toThrow(DataLockError);
    expect(readdirSync(dir).sort()).toEqual([...before, LOCK_FILE].sort());
    expect(await new EmbeddedEngine(dir).count()).toEqual(20);
  });
});
