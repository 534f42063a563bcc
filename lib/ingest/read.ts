import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from './errors';

/** One input file with its size and modification time (the default capture date for relative activity). */
export type InputFile = { path: string; size: number; modified: Date };

/** Expand paths (files or folders, searched recursively for `.txt` dumps) into a sorted list of input files. */
export async function listInputFiles(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new InputError(`No such file or folder: ${p}`);
    if (info.isDirectory()) {
      const entries = (await readdir(p, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.endsWith('.txt') && !e.name.startsWith('.'))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      if (entries.length === 0) throw new InputError(`The folder ${p} holds no .txt forum dumps.`);
      for (const file of entries) {
        const s = await stat(file);
        files.push({ path: file, size: s.size, modified: s.mtime });
      }
    } else {
      files.push({ path: p, size: info.size, modified: info.mtime });
    }
  }
  return files;
}

/** Refuse files that are empty or binary, with one clear sentence naming the file. */
export async function checkReadable(file: InputFile): Promise<void> {
  if (file.size === 0) throw new InputError(`${file.path} is empty: there are no posts to ingest.`);
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(file.size, 8192));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    const nul = head.indexOf(0);
    if (nul !== -1) {
      throw new InputError(
        `${file.path} is not a text forum dump: it holds binary data (a NUL byte at offset ${nul}).`,
      );
    }
    const text = head.toString('utf8');
    const invalid = (text.match(/\uFFFD/g) ?? []).length;
    if (invalid > 8 && invalid / text.length > 0.01) {
      throw new InputError(`${file.path} is not a text forum dump: it is not UTF-8 text.`);
    }
    if (text.trim() === '' && file.size === bytesRead) {
      throw new InputError(`${file.path} is empty: there are no posts to ingest.`);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Stream a file's lines with 1-based line numbers: a BOM is dropped, CRLF and LF both end a line, and
 * memory stays flat whatever the file's size. `onBytes` reports progress in bytes read.
 */
export async function* readLines(
  file: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<{ text: string; line: number }> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  if (onBytes) stream.on('data', (chunk) => onBytes(Buffer.byteLength(chunk)));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    yield { text: line === 1 ? text.replace(/^\uFEFF/, '') : text, line };
  }
}
