import { closeSync, fstatSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { Ledger, type LedgerEntry } from '../../posts/ledger';
import type { Post } from '../../posts/schema';
import { LOCK_TEMP, lockDataDir, processAlive } from './data-lock';
import { PostStore, writePostRecords } from './post-store';
import { snapshotFromSections, snapshotSections, type Snapshot, type SectionKind } from './snapshot';
import type { WriteFaultHook } from './write-faults';
import { EngineUnavailableError, storageError } from '../../errors';

/** Bump when the saved format changes: an index of another version must be rebuilt. */
export const INDEX_FORMAT = 7;
/** The manifest: what the data file holds and where. Replaced last, by a rename. */
export const INDEX_FILE = 'index.json';

const DATA_FILE = /^index-[a-z0-9-]+\.bin$/;
/** The ledger of the files an index was built from (JSON), written beside its data file. */
const LEDGER_FILE = /^ledger-[a-z0-9-]+\.json$/;
/** A manifest being written: `index.json.<pid>.<time>.tmp`, renamed to index.json once complete. */
const MANIFEST_TEMP = /^index\.json\.[0-9]+\.[0-9]+\.tmp$/;
const ALIGN = 8;
/** The checksum of a region covers this many bytes at its start and as many at its end. */
const SAMPLE_BYTES = 4096;

const SectionEntry = z.object({
  name: z.string(),
  kind: z.enum(['u8', 'u16', 'u32', 'f32', 'f64', 'json']),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  /** CRC-32 of the section's first and last SAMPLE_BYTES (see `sampleChecksum`). */
  crc: z.number().int().nonnegative(),
});

const Manifest = z.object({
  format: z.literal(INDEX_FORMAT),
  createdAt: z.string(),
  posts: z.number().int().nonnegative(),
  data: z.string().regex(DATA_FILE),
  bytes: z.number().int().nonnegative(),
  sections: z.array(SectionEntry),
  /** The post records: JSON, one after another, from `at` to the end of the file; offsets in a section. */
  records: z.object({ at: z.number().int().nonnegative(), crc: z.number().int().nonnegative() }),
  /** The ledger file: what the index was built from (`LedgerEntry` list), written with the data file. */
  ledger: z.string().regex(LEDGER_FILE),
});
export type Manifest = z.infer<typeof Manifest>;

/** The files an earlier manifest names, whatever its format (so an upgrade removes the old files too). */
const PreviousData = z.object({
  data: z.string().regex(DATA_FILE),
  ledger: z.string().regex(LEDGER_FILE).optional(),
});

/** The files of a live index: its data file and its ledger. */
type LiveFiles = { data: string; ledger?: string | undefined };

/** Where the embedded index manifest of a data folder lives. */
export function indexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_FILE);
}

const padding = (offset: number) => (ALIGN - (offset % ALIGN)) % ALIGN;

/** A byte range of the data file: a section, or the post records. */
type Region = { offset: number; length: number };

/**
 * A cheap checksum of a region: the CRC-32 of its first and last SAMPLE_BYTES (the whole of a small one). It
 * catches a file cut short, overwritten at either end of a section, or swapped for another index's; a change
 * deep inside a large section is left to the checks of loading and of each post read.
 */
function sampleChecksum(fd: number, { offset, length }: Region): number {
  const head = Math.min(length, SAMPLE_BYTES);
  const tail = Math.min(length - head, SAMPLE_BYTES);
  const buffer = Buffer.alloc(head + tail);
  const readAll = (into: Buffer, at: number) => {
    for (let done = 0; done < into.length;) {
      const got = readSync(fd, into, done, into.length - done, at + done);
      if (got === 0) return;
      done += got;
    }
  };
  readAll(buffer.subarray(0, head), offset);
  readAll(buffer.subarray(head), offset + length - tail);
  return crc32(buffer);
}

/** The regions a manifest checksums, each with the checksum it records. */
function checkedRegions(
  manifest: Pick<Manifest, 'bytes' | 'sections' | 'records'>,
): Array<Region & { crc: number }> {
  const { at, crc } = manifest.records;
  return [...manifest.sections, { offset: at, length: manifest.bytes - at, crc }];
}

/** Write the data file: the snapshot's sections, the post offsets, then the post records. */
function writeData(
  file: string,
  snapshot: Snapshot,
  posts: readonly Post[],
  fault: WriteFaultHook | undefined,
): Pick<Manifest, 'bytes' | 'sections' | 'records'> {
  const fd = openSync(file, 'w+');
  try {
    let offset = 0;
    const sections: Array<Omit<Manifest['sections'][number], 'crc'>> = [];
    const put = (name: string, kind: SectionKind, data: Uint8Array) => {
      offset += padding(offset);
      sections.push({ name, kind, offset, length: data.byteLength });
      for (let done = 0; done < data.byteLength;) {
        done += writeSync(fd, data, done, data.byteLength - done, offset + done);
      }
      offset += data.byteLength;
    };
    snapshotSections(snapshot).forEach(({ name, kind, data }, i) => {
      put(name, kind, data);
      if (i === 0) fault?.('data-started');
    });
    // The offsets go before the records, which are streamed: reserve their place, fill it in after.
    const offsetsAt = offset + padding(offset);
    const at = offsetsAt + 8 * (posts.length + 1);
    const offsets = writePostRecords(fd, posts, at);
    offset = offsetsAt;
    put('posts.offsets', 'f64', new Uint8Array(offsets.buffer, offsets.byteOffset, offsets.byteLength));
    const bytes = at + offsets[posts.length]!;
    // Checksums of what is on disk, read back: a write that went wrong is caught by the first ping.
    const checked = sections.map((s) => ({ ...s, crc: sampleChecksum(fd, s) }));
    const records = { at, crc: sampleChecksum(fd, { offset: at, length: bytes - at }) };
    fault?.('data-written');
    return { bytes, sections: checked, records };
  } finally {
    closeSync(fd);
  }
}

async function readManifestFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // gone already, or the disk refuses: the next ingest tries again
  }
}

/** The files the live manifest names, whatever its format, if any. */
async function liveFiles(dataDir: string): Promise<LiveFiles | undefined> {
  const previous = PreviousData.safeParse(await readManifestFile(indexPath(dataDir)));
  return previous.success ? previous.data : undefined;
}

/**
 * Remove the debris of earlier writes: every data and ledger file but those of `keep` (the ones the live
 * manifest names), manifests left under their temporary name, lock files of processes that no longer run. Only
 * under the data folder's lock, so no running ingest's file is ever among them.
 */
async function removeDebris(dataDir: string, keep: LiveFiles | undefined): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  for (const name of names) {
    const lockTemp = LOCK_TEMP.exec(name);
    const debris =
      (DATA_FILE.test(name) && name !== keep?.data) ||
      (LEDGER_FILE.test(name) && name !== keep?.ledger) ||
      MANIFEST_TEMP.test(name) ||
      (lockTemp !== null && Number(lockTemp[1]) !== process.pid && !processAlive(Number(lockTemp[1])));
    if (debris) unlinkQuietly(path.join(dataDir, name));
  }
}

/** What to run after fixing a file-system failure of an ingest. */
const RETRY_INGEST = 'run `npm run ingest` again (the index in place is left as it was)';

/** The one-sentence error of a file-system failure in a data folder (no space, read-only, a file in the way). */
export const dataDirError = (error: unknown, dataDir: string): unknown =>
  storageError(error, `the data folder ${dataDir}`, RETRY_INGEST);

/**
 * How `saveSnapshot` writes: `ledger`, the files the index was built from (none by default); `fault`, the test
 * seam of `write-faults.ts`.
 */
export type SaveOptions = { ledger?: readonly LedgerEntry[] | undefined; fault?: WriteFaultHook | undefined };

/**
 * Save a snapshot atomically, under the data folder's lock: first the debris of earlier failed or killed
 * writes goes, then the data file is written under a fresh name, then the manifest through a temporary file
 * renamed over the old one, and the previous data file goes. Until that rename, readers see the previous
 * index, whole; a write that fails removes what it wrote and throws one sentence naming the folder.
 */
export async function saveSnapshot(
  dataDir: string,
  snapshot: Snapshot,
  posts: readonly Post[],
  options: SaveOptions = {},
): Promise<PostStore> {
  let lock;
  try {
    lock = lockDataDir(dataDir);
    return await writeSnapshot(dataDir, snapshot, posts, options.ledger ?? [], options.fault);
  } catch (error) {
    throw dataDirError(error, dataDir);
  } finally {
    lock?.release();
  }
}

async function writeSnapshot(
  dataDir: string,
  snapshot: Snapshot,
  posts: readonly Post[],
  ledgerEntries: readonly LedgerEntry[],
  fault: WriteFaultHook | undefined,
): Promise<PostStore> {
  await removeDebris(dataDir, await liveFiles(dataDir));
  const stamp = `${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const data = `index-${stamp}.bin`;
  const ledger = `ledger-${stamp}.json`;
  const target = indexPath(dataDir);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  let written: ReturnType<typeof writeData>;
  try {
    written = writeData(path.join(dataDir, data), snapshot, posts, fault);
    await writeFile(path.join(dataDir, ledger), JSON.stringify(ledgerEntries));
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      createdAt: new Date().toISOString(),
      posts: snapshot.columns.count,
      data,
      ...written,
      ledger,
    };
    await writeFile(temp, JSON.stringify(manifest));
    fault?.('manifest-written');
    await rename(temp, target);
  } catch (error) {
    unlinkQuietly(path.join(dataDir, data));
    unlinkQuietly(path.join(dataDir, ledger));
    unlinkQuietly(temp);
    throw error;
  }
  await removeDebris(dataDir, { data, ledger });
  const fd = openSync(path.join(dataDir, data), 'r');
  const offsetsSection = written.sections.find((s) => s.name === 'posts.offsets')!;
  const offsets = new Float64Array(posts.length + 1);
  readSync(fd, new Uint8Array(offsets.buffer), 0, offsetsSection.length, offsetsSection.offset);
  return new PostStore(fd, written.records.at, offsets);
}

/** Read `size` bytes from the start of an open file into a buffer of its own (aligned for typed arrays). */
function readPrefix(fd: number, size: number): Buffer | null {
  const buffer = Buffer.allocUnsafeSlow(size);
  for (let at = 0; at < size;) {
    const got = readSync(fd, buffer, at, Math.min(size - at, 1 << 30), at);
    if (got === 0) return null;
    at += got;
  }
  return buffer;
}

/** A data file that is missing or of another size than the manifest says. */
class DataMismatch extends Error {
  override name = 'DataMismatch';
}

/** Whether an open data file has the size and the region checksums its manifest records. */
function holdsWhatManifestSays(fd: number, manifest: Manifest): boolean {
  if (fstatSync(fd).size !== manifest.bytes || manifest.records.at > manifest.bytes) return false;
  return checkedRegions(manifest).every(
    (r) => r.offset + r.length <= manifest.bytes && sampleChecksum(fd, r) === r.crc,
  );
}

/** Open the data file and read everything but the post records; the store keeps the file open for those. */
function readSnapshot(dataDir: string, manifest: Manifest): { snapshot: Snapshot; posts: PostStore } {
  let fd: number;
  try {
    fd = openSync(path.join(dataDir, manifest.data), 'r');
  } catch {
    throw new DataMismatch();
  }
  try {
    if (!holdsWhatManifestSays(fd, manifest)) throw new DataMismatch();
    const buffer = readPrefix(fd, manifest.records.at);
    if (!buffer) throw new DataMismatch();
    const sections = new Map(manifest.sections.map((s) => [s.name, s]));
    const read = (name: string, kind: SectionKind) => {
      const s = sections.get(name);
      const size = kind === 'u32' || kind === 'f32' ? 4 : kind === 'f64' ? 8 : kind === 'u16' ? 2 : 1;
      if (
        !s ||
        s.kind !== kind ||
        s.offset + s.length > buffer.length ||
        s.offset % size ||
        s.length % size
      ) {
        throw new DataMismatch();
      }
      return new Uint8Array(buffer.buffer, buffer.byteOffset + s.offset, s.length);
    };
    const snapshot = snapshotFromSections(read, manifest.posts);
    const raw = read('posts.offsets', 'f64');
    const offsets = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);
    if (
      offsets.length !== manifest.posts + 1 ||
      manifest.records.at + offsets[manifest.posts]! !== manifest.bytes
    ) {
      throw new DataMismatch();
    }
    for (let d = 0; d < manifest.posts; d++) if (!(offsets[d]! <= offsets[d + 1]!)) throw new DataMismatch();
    return { snapshot, posts: new PostStore(fd, manifest.records.at, offsets) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Load a saved index; a missing, damaged or outdated one is an EngineUnavailableError that says what to run.
 * A data file replaced between reading the manifest and opening it (a concurrent ingest) is retried once.
 */
export async function loadSnapshot(dataDir: string): Promise<{ snapshot: Snapshot; posts: PostStore }> {
  for (let attempt = 0; ; attempt++) {
    const manifest = await readManifest(dataDir);
    try {
      return readSnapshot(dataDir, manifest);
    } catch (error) {
      if (attempt === 0 && error instanceof DataMismatch) continue;
      throw damagedIndex(indexPath(dataDir));
    }
  }
}

/**
 * Check, without loading it, that the saved index is whole: the manifest reads, and the data file it names has
 * the size and the region checksums it records (a few kB read). Missing or damaged → EngineUnavailableError.
 * A data file replaced meanwhile (a concurrent ingest) is checked again once, against the new manifest.
 */
export async function checkSnapshotFiles(dataDir: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const manifest = await readManifest(dataDir);
    let fd: number | undefined;
    try {
      fd = openSync(path.join(dataDir, manifest.data), 'r');
      if (holdsWhatManifestSays(fd, manifest)) return;
    } catch {
      // missing: a concurrent ingest replaced it, or it is gone
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    if (attempt > 0) throw damagedIndex(indexPath(dataDir));
  }
}

/** The error for an index whose files do not hold what their manifest says. */
export const damagedIndex = (file: string) =>
  new EngineUnavailableError(`The search index at ${file} is damaged: run \`npm run ingest\` again.`);

/** Read and check a saved index's manifest alone (cheap); missing, damaged or outdated → EngineUnavailableError. */
export async function readManifest(dataDir: string): Promise<Manifest> {
  const file = indexPath(dataDir);
  const json = await readManifestFile(file);
  if (json === null)
    throw new EngineUnavailableError(`No search index at ${file}: run \`npm run ingest\` first.`);
  if (json === undefined) throw damagedIndex(file);
  const parsed = Manifest.safeParse(json);
  if (parsed.success) return parsed.data;
  const format = (json as { format?: unknown } | null)?.format;
  if (format === INDEX_FORMAT) throw damagedIndex(file);
  throw new EngineUnavailableError(
    `The search index at ${file} is from another version: run \`npm run ingest\` again.`,
  );
}

/**
 * The ledger of the saved index (what it was built from); none when there is no index. A ledger file that is
 * missing or does not parse is a damaged index; an outdated index is reported as such.
 */
export async function readLedger(dataDir: string): Promise<LedgerEntry[]> {
  if (!(await hasIndex(dataDir))) return [];
  const manifest = await readManifest(dataDir);
  const text = await readFile(path.join(dataDir, manifest.ledger), 'utf8').catch(() => null);
  let parsed;
  try {
    parsed = text === null ? null : Ledger.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw damagedIndex(indexPath(dataDir));
  return parsed.data;
}

/** Whether the data folder holds an index manifest (of any version, whole or not). */
export async function hasIndex(dataDir: string): Promise<boolean> {
  return (await readManifestFile(indexPath(dataDir))) !== null;
}

/** The modification time of the saved index manifest in ms, or 0 when there is none. */
export async function indexMtime(dataDir: string): Promise<number> {
  const info = await stat(indexPath(dataDir)).catch(() => null);
  return info ? info.mtimeMs : 0;
}
