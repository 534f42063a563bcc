import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataLockError } from '../../errors';

/** The lock file of a data folder: present while an ingest writes there, holding its pid. */
export const LOCK_FILE = 'ingest.lock';
/** A lock file being created (written, then hard-linked to LOCK_FILE): `ingest.lock.<pid>.tmp`. */
export const LOCK_TEMP = /^ingest\.lock\.(\d+)\.tmp$/;

/** What a lock file holds. */
type Holder = { pid: number; since: string };

/** Data folders this process holds, with how many leases each (the ingest command and the writer nest). */
const held = new Map<string, number>();

/** A held lock; `release` gives it back (the last lease of this process removes the lock file). */
export type DataLock = { readonly dir: string; release: () => void };

/** Whether a process with this pid runs (one of another user counts as running). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return Number.isInteger(value.pid) ? { pid: value.pid!, since: String(value.since ?? '') } : null;
  } catch {
    return null;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Take the lock of a data folder (creating the folder), for the whole of an ingest: a second ingest of
 * another process refuses with a DataLockError naming the folder and the holder's pid; a lock left by a
 * process that no longer runs (killed) is taken over. The lock file is created whole (written under a
 * temporary name, then hard-linked), so it never holds half a pid. Nested calls in one process share it.
 * File-system failures (a file where the folder should be, a read-only disk) are thrown as Node errors.
 */
export function lockDataDir(dataDir: string): DataLock {
  const dir = path.resolve(dataDir);
  const lease = (): DataLock => {
    held.set(dir, (held.get(dir) ?? 0) + 1);
    let released = false;
    return {
      dir,
      release: () => {
        if (released) return;
        released = true;
        const left = held.get(dir)! - 1;
        if (left > 0) return void held.set(dir, left);
        held.delete(dir);
        if (readHolder(file)?.pid === process.pid) unlinkQuietly(file);
      },
    };
  };
  const file = path.join(dir, LOCK_FILE);
  if (held.has(dir)) return lease();
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `${LOCK_FILE}.${process.pid}.tmp`);
  writeFileSync(temp, JSON.stringify({ pid: process.pid, since: new Date().toISOString() } satisfies Holder));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temp, file);
        return lease();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      }
      const holder = readHolder(file);
      // Our own pid on a lock we do not hold is a lock of a killed process whose pid came round again.
      if (holder && holder.pid !== process.pid && processAlive(holder.pid)) {
        throw new DataLockError(
          `The data folder ${dir} is in use by another ingest (pid ${holder.pid}, since ${holder.since}): ` +
            `wait for it to finish, or delete ${file} if that process is not an ingest.`,
        );
      }
      unlinkQuietly(file);
    }
  } finally {
    unlinkQuietly(temp);
  }
}
