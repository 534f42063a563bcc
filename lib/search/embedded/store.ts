import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { readdir, readFile, rename, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Post } from '../../posts/schema';
import { PostStore, writePostRecords } from './post-store';
import { snapshotFromSections, snapshotSections, type Snapshot, type SectionKind } from './snapshot';
import { EngineUnavailableError } from '../../errors';

/** Bump when the saved format changes: an index of another version must be rebuilt. */
export const INDEX_FORMAT = 4;
/** The manifest: what the data file holds and where. Replaced last, by a rename. */
export const INDEX_FILE = 'index.json';

const DATA_FILE = /^index-[a-z0-9-]+\.bin$/;
const ALIGN = 8;
/** Leftover data files of crashed writes are removed once they are this old. */
const STALE_MS = 60 * 60 * 1000;

const SectionEntry = z.object({
  name: z.string(),
  kind: z.enum(['u8', 'u16', 'u32', 'f32', 'f64', 'json']),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
});

const Manifest = z.object({
  format: z.literal(INDEX_FORMAT),
  createdAt: z.string(),
  posts: z.number().int().nonnegative(),
  data: z.string().regex(DATA_FILE),
  bytes: z.number().int().nonnegative(),
  sections: z.array(SectionEntry),
  /** The post records: JSON, one after another, from `at` to the end of the file; offsets in a section. */
  records: z.object({ at: z.number().int().nonnegative() }),
});
export type Manifest = z.infer<typeof Manifest>;

/** The data file an earlier manifest names, whatever its format (so an upgrade removes the old file too). */
const PreviousData = z.object({ data: z.string().regex(DATA_FILE) });

/** Where the embedded index manifest of a data folder lives. */
export function indexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_FILE);
}

const padding = (offset: number) => (ALIGN - (offset % ALIGN)) % ALIGN;

/** Write the data file: the snapshot's sections, the post offsets, then the post records. */
function writeData(
  file: string,
  snapshot: Snapshot,
  posts: readonly Post[],
): Pick<Manifest, 'bytes' | 'sections' | 'records'> {
  const fd = openSync(file, 'w');
  try {
    let offset = 0;
    const sections: Manifest['sections'] = [];
    const put = (name: string, kind: SectionKind, data: Uint8Array) => {
      offset += padding(offset);
      sections.push({ name, kind, offset, length: data.byteLength });
      for (let done = 0; done < data.byteLength;) {
        done += writeSync(fd, data, done, data.byteLength - done, offset + done);
      }
      offset += data.byteLength;
    };
    for (const { name, kind, data } of snapshotSections(snapshot)) put(name, kind, data);
    // The offsets go before the records, which are streamed: reserve their place, fill it in after.
    const offsetsAt = offset + padding(offset);
    const at = offsetsAt + 8 * (posts.length + 1);
    const offsets = writePostRecords(fd, posts, at);
    offset = offsetsAt;
    put('posts.offsets', 'f64', new Uint8Array(offsets.buffer, offsets.byteOffset, offsets.byteLength));
    return { bytes: at + offsets[posts.length]!, sections, records: { at } };
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

/** Remove the previous data file and leftovers of crashed writes; never the one just written. */
async function removeOldData(dataDir: string, keep: string, previous: string | undefined): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (name === keep || !DATA_FILE.test(name)) continue;
    const file = path.join(dataDir, name);
    const old = name === previous || now - ((await stat(file).catch(() => null))?.mtimeMs ?? now) > STALE_MS;
    if (old) await unlink(file).catch(() => {});
  }
}

/**
 * Save a snapshot atomically: the data file under a fresh name, then the manifest through a temporary file
 * renamed over the old one. Until that rename, readers see the previous index, whole.
 */
export async function saveSnapshot(
  dataDir: string,
  snapshot: Snapshot,
  posts: readonly Post[],
): Promise<PostStore> {
  await mkdir(dataDir, { recursive: true });
  const stamp = `${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const data = `index-${stamp}.bin`;
  const written = writeData(path.join(dataDir, data), snapshot, posts);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    createdAt: new Date().toISOString(),
    posts: snapshot.columns.count,
    data,
    ...written,
  };
  const target = indexPath(dataDir);
  const previous = PreviousData.safeParse(await readManifestFile(target));
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify(manifest));
  await rename(temp, target);
  await removeOldData(dataDir, data, previous.success ? previous.data.data : undefined);
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

/** Open the data file and read everything but the post records; the store keeps the file open for those. */
function readSnapshot(dataDir: string, manifest: Manifest): { snapshot: Snapshot; posts: PostStore } {
  let fd: number;
  try {
    fd = openSync(path.join(dataDir, manifest.data), 'r');
  } catch {
    throw new DataMismatch();
  }
  try {
    if (fstatSync(fd).size !== manifest.bytes || manifest.records.at > manifest.bytes)
      throw new DataMismatch();
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

/** The modification time of the saved index manifest in ms, or 0 when there is none. */
export async function indexMtime(dataDir: string): Promise<number> {
  const info = await stat(indexPath(dataDir)).catch(() => null);
  return info ? info.mtimeMs : 0;
}
