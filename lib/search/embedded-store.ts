import { open, readdir, readFile, rename, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { snapshotFromSections, snapshotSections, type Snapshot, type SectionKind } from './embedded-snapshot';
import { EngineUnavailableError } from './types';

/** Bump when the saved format changes: an index of another version must be rebuilt. */
export const INDEX_FORMAT = 2;
/** The manifest: what the data file holds, where, and its checksum. Replaced last, by a rename. */
export const INDEX_FILE = 'index.json';

const DATA_FILE = /^index-[a-z0-9-]+\.bin$/;
const ALIGN = 8;
/** Leftover data files of crashed writes are removed once they are this old. */
const STALE_MS = 60 * 60 * 1000;

const SectionEntry = z.object({
  name: z.string(),
  kind: z.enum(['u8', 'u32', 'f32', 'f64', 'json', 'raw']),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
});

const Manifest = z.object({
  format: z.literal(INDEX_FORMAT),
  createdAt: z.string(),
  posts: z.number().int().nonnegative(),
  data: z.string().regex(DATA_FILE),
  bytes: z.number().int().nonnegative(),
  crc32: z.number().int().nonnegative(),
  sections: z.array(SectionEntry),
});
export type Manifest = z.infer<typeof Manifest>;

/** Where the embedded index manifest of a data folder lives. */
export function indexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_FILE);
}

const padding = (offset: number) => (ALIGN - (offset % ALIGN)) % ALIGN;

/** Write the data file; returns its size, checksum and section table. */
async function writeData(
  file: string,
  snapshot: Snapshot,
): Promise<Pick<Manifest, 'bytes' | 'crc32' | 'sections'>> {
  const handle = await open(file, 'w');
  let offset = 0;
  let crc = 0;
  const sections: Manifest['sections'] = [];
  try {
    for (const { name, kind, data } of snapshotSections(snapshot)) {
      const pad = padding(offset);
      if (pad > 0) {
        const zeros = new Uint8Array(pad);
        await handle.write(zeros);
        crc = crc32(zeros, crc);
        offset += pad;
      }
      sections.push({ name, kind, offset, length: data.byteLength });
      await handle.write(data);
      crc = crc32(data, crc);
      offset += data.byteLength;
    }
  } finally {
    await handle.close();
  }
  return { bytes: offset, crc32: crc, sections };
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
export async function saveSnapshot(dataDir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const stamp = `${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const data = `index-${stamp}.bin`;
  const written = await writeData(path.join(dataDir, data), snapshot);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    createdAt: new Date().toISOString(),
    posts: snapshot.columns.count,
    data,
    ...written,
  };
  const target = indexPath(dataDir);
  const previous = Manifest.safeParse(await readManifestFile(target));
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify(manifest));
  await rename(temp, target);
  await removeOldData(dataDir, data, previous.success ? previous.data.data : undefined);
}

/** Read a whole file into one buffer of its own (so typed-array views on it are aligned). */
async function readWhole(file: string, size: number): Promise<Buffer | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(buffer, at, Math.min(size - at, 1 << 30), at);
      if (bytesRead === 0) return null;
      at += bytesRead;
    }
    return (await handle.stat()).size === size ? buffer : null;
  } finally {
    await handle.close();
  }
}

/** A data file that is missing, cut short or altered: the manifest points at bytes we did not write. */
class DataMismatch extends Error {
  override name = 'DataMismatch';
}

async function readSnapshot(dataDir: string, manifest: Manifest): Promise<Snapshot> {
  const buffer = await readWhole(path.join(dataDir, manifest.data), manifest.bytes);
  if (!buffer || crc32(buffer) !== manifest.crc32) throw new DataMismatch();
  const sections = new Map(manifest.sections.map((s) => [s.name, s]));
  return snapshotFromSections((name: string, kind: SectionKind) => {
    const s = sections.get(name);
    const size = kind === 'u32' || kind === 'f32' ? 4 : kind === 'f64' ? 8 : 1;
    if (!s || s.kind !== kind || s.offset + s.length > buffer.length || s.offset % size || s.length % size) {
      throw new DataMismatch();
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset + s.offset, s.length);
  }, manifest.posts);
}

/**
 * Load a saved index; a missing, damaged or outdated one is an EngineUnavailableError that says what to run.
 * A data file replaced between reading the manifest and opening it (a concurrent ingest) is retried once.
 */
export async function loadSnapshot(dataDir: string): Promise<Snapshot> {
  const file = indexPath(dataDir);
  const damaged = () =>
    new EngineUnavailableError(`The search index at ${file} is damaged: run \`npm run ingest\` again.`);
  for (let attempt = 0; ; attempt++) {
    const json = await readManifestFile(file);
    if (json === null) throw new EngineUnavailableError(`No search index at ${file}: run \`npm run ingest\` first.`);
    if (json === undefined) throw damaged();
    const parsed = Manifest.safeParse(json);
    if (!parsed.success) {
      const format = (json as { format?: unknown } | null)?.format;
      if (format === INDEX_FORMAT) throw damaged();
      throw new EngineUnavailableError(
        `The search index at ${file} is from another version: run \`npm run ingest\` again.`,
      );
    }
    try {
      return await readSnapshot(dataDir, parsed.data);
    } catch (error) {
      if (attempt === 0 && error instanceof DataMismatch) continue;
      throw damaged();
    }
  }
}

/** The modification time of the saved index manifest in ms, or 0 when there is none. */
export async function indexMtime(dataDir: string): Promise<number> {
  const info = await stat(indexPath(dataDir)).catch(() => null);
  return info ? info.mtimeMs : 0;
}
