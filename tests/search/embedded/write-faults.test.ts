import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { INDEX_FILE } from '@/lib/search/embedded/store';
import {
  WRITE_POINTS,
  WriteFaultSpec,
  writeFaultHook,
  type FaultAction,
  type WritePoint,
} from '@/lib/search/embedded/write-faults';
import { StorageError } from '@/lib/errors';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';

let posts: Post[];
beforeAll(async () => {
  posts = await realPosts();
});

const files = (dir: string) => readdirSync(dir).sort();
const DATA_OR_LEDGER = /^(index-.*\.bin|ledger-.*\.json)$/;
/** The files of a data folder holding one index and nothing else: the manifest, one data file, one ledger. */
const oneIndex = (dir: string) => {
  const names = files(dir);
  return {
    manifest: names.includes(INDEX_FILE),
    data: names.filter((n) => /^index-.*\.bin$/.test(n)).length,
    ledger: names.filter((n) => /^ledger-.*\.json$/.test(n)).length,
    other: names.filter((n) => n !== INDEX_FILE && !DATA_OR_LEDGER.test(n)),
  };
};

const RETRY = 'run `npm run ingest` again (the index in place is left as it was)';
const MESSAGES: Record<Exclude<FaultAction, 'kill'>, (dir: string) => string> = {
  enospc: (dir) => `No space left on the device of the data folder ${dir}: free some space, then ${RETRY}.`,
  erofs: (dir) =>
    `The data folder ${dir} is on a read-only file system: remount it read-write or choose another folder, then ${RETRY}.`,
};

describe('the INGEST_FAULT seam', () => {
  it('reads <point>:<action> and refuses anything else', () => {
    expect(WriteFaultSpec.parse('data-written:kill')).toEqual({ point: 'data-written', action: 'kill' });
    expect(WriteFaultSpec.safeParse('data-written:explode').success).toEqual(false);
  });
});

describe('an index write that fails on a full or read-only disk (simulated through the seam)', () => {
  const cases = WRITE_POINTS.flatMap((point) =>
    (['enospc', 'erofs'] as const).map((action) => ({ point, action })),
  );

  it.each(cases)(
    'at $point ($action): one sentence naming the folder, the previous index served, nothing left, the next ingest succeeds',
    async ({ point, action }: { point: WritePoint; action: 'enospc' | 'erofs' }) => {
      const dir = tempDir('ne-fault-');
      await new EmbeddedEngine(dir).replaceAll(posts);
      const before = files(dir);
      const failing = new EmbeddedEngine(dir, { fault: writeFaultHook({ point, action }) });
      const error = await failing.replaceAll(posts.slice(0, 3)).catch((e: unknown) => e);
      expect(error).toEqual(new StorageError(action.toUpperCase(), MESSAGES[action](dir)));
      expect(files(dir)).toEqual(before);
      expect(await new EmbeddedEngine(dir).count()).toEqual(20);
      await new EmbeddedEngine(dir).replaceAll(posts.slice(0, 3));
      expect([oneIndex(dir), await new EmbeddedEngine(dir).count()]).toEqual([
        { manifest: true, data: 1, ledger: 1, other: [] },
        3,
      ]);
    },
  );

  it('removes what killed or failed writes left, whatever its age, before writing', async () => {
    const dir = tempDir('ne-fault-');
    await new EmbeddedEngine(dir).replaceAll(posts);
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    for (const name of [
      'index-mokx1a-1f-abc123.bin',
      'ledger-mokx1a-1f-abc123.json',
      `index.json.${deadPid}.1764700000000.tmp`,
      `ingest.lock.${deadPid}.tmp`,
    ])
      writeFileSync(path.join(dir, name), 'left by a killed ingest');
    await new EmbeddedEngine(dir).replaceAll(posts.slice(0, 5));
    expect(oneIndex(dir)).toEqual({ manifest: true, data: 1, ledger: 1, other: [] });
  });
});

/** Mount a tmpfs of `size` at `dir` (root only); false where mounting is not allowed. */
function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}

/** The bytes a file system has left for us. */
function freeBytes(dir: string): number {
  const { bsize, bavail } = statfsSync(dir);
  return bsize * bavail;
}

const mountRoot = tempDir('ne-tmpfs-');
/** One 1 MB tmpfs per test (a read-only remount needs a disk with no deleted file still open). */
const disks = ['full', 'orphan', 'read-only'].map((name) => path.join(mountRoot, name));
const mounted = process.platform === 'linux' && disks.every((disk) => mountTmpfs(disk, '1m'));

describe.skipIf(!mounted)(
  'a real full and read-only disk (a 1 MB tmpfs, where the tests may mount one)',
  () => {
    const [full, orphan, readOnly] = disks as [string, string, string];
    afterAll(() => {
      for (const disk of disks) spawnSync('umount', ['-l', disk]);
    });

    it('ENOSPC: says so naming the folder, keeps the previous index and no debris, and succeeds once there is room', async () => {
      const dir = path.join(full, 'data');
      await new EmbeddedEngine(dir).replaceAll(posts);
      const size = statSync(
        path.join(
          dir,
          files(dir).find((n) => n.endsWith('.bin'))!,
        ),
      ).size;
      const before = files(dir);
      writeFileSync(
        path.join(full, 'filler'),
        Buffer.alloc(Math.max(0, freeBytes(full) - Math.floor(size / 2))),
      );
      const error = await new EmbeddedEngine(dir).replaceAll(posts).catch((e: unknown) => e);
      expect(error).toEqual(new StorageError('ENOSPC', MESSAGES.enospc(dir)));
      expect([files(dir), await new EmbeddedEngine(dir).count()]).toEqual([before, 20]);
      rmSync(path.join(full, 'filler'));
      await new EmbeddedEngine(dir).replaceAll(posts.slice(0, 4));
      expect(oneIndex(dir)).toEqual({ manifest: true, data: 1, ledger: 1, other: [] });
    });

    it('an orphan filling the disk is removed by the next ingest, which then fits', async () => {
      const dir = path.join(orphan, 'data');
      await new EmbeddedEngine(dir).replaceAll(posts);
      writeFileSync(
        path.join(dir, 'index-orphan-of-a-killed-ingest.bin'),
        Buffer.alloc(freeBytes(orphan) - 4096),
      );
      await new EmbeddedEngine(dir).replaceAll(posts);
      expect([oneIndex(dir), await new EmbeddedEngine(dir).count()]).toEqual([
        { manifest: true, data: 1, ledger: 1, other: [] },
        20,
      ]);
    });

    it('EROFS: says so naming the folder and keeps the previous index', async () => {
      const dir = path.join(readOnly, 'data');
      await new EmbeddedEngine(dir).replaceAll(posts);
      const before = files(dir);
      expect(spawnSync('mount', ['-o', 'remount,ro', readOnly]).status).toEqual(0);
      try {
        const error = await new EmbeddedEngine(dir).replaceAll(posts).catch((e: unknown) => e);
        expect(error).toEqual(new StorageError('EROFS', MESSAGES.erofs(dir)));
        expect([files(dir), await new EmbeddedEngine(dir).count()]).toEqual([before, 20]);
      } finally {
        spawnSync('mount', ['-o', 'remount,rw', readOnly]);
      }
    });
  },
);
