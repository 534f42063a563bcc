import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Post } from '../posts/schema';
import { EngineUnavailableError } from './types';

/** Bump when the saved format changes: an index of another version must be rebuilt. */
export const INDEX_FORMAT = 1;
export const INDEX_FILE = 'index.json';

const SavedIndex = z.object({
  format: z.literal(INDEX_FORMAT),
  createdAt: z.string(),
  posts: z.array(Post),
  text: z.string(),
});
export type SavedIndex = z.infer<typeof SavedIndex>;

/** Where the embedded index of a data folder lives. */
export function indexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_FILE);
}

/** Write the index atomically: a temporary file in the same folder, then a rename over the old one. */
export async function saveIndex(dataDir: string, saved: SavedIndex): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const target = indexPath(dataDir);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify(saved));
  await rename(temp, target);
}

/** Read a saved index; a missing, unreadable or outdated one is an EngineUnavailableError that says what to run. */
export async function loadIndex(dataDir: string): Promise<SavedIndex> {
  const file = indexPath(dataDir);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new EngineUnavailableError(`No search index at ${file}: run \`npm run ingest\` first.`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EngineUnavailableError(`The search index at ${file} is damaged: run \`npm run ingest\` again.`);
  }
  const parsed = SavedIndex.safeParse(json);
  if (!parsed.success) {
    throw new EngineUnavailableError(
      `The search index at ${file} is from another version: run \`npm run ingest\` again.`,
    );
  }
  return parsed.data;
}

/** The modification time of the saved index in ms, or 0 when there is none. */
export async function indexMtime(dataDir: string): Promise<number> {
  const info = await stat(indexPath(dataDir)).catch(() => null);
  return info ? info.mtimeMs : 0;
}
