import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The real bundled dump: the fixture every ingest and search test reads. */
export const DUMP_PATH = path.resolve(__dirname, '../../content/dumps/network-extension-forum-dump.txt');

/** The real dump's text. */
export const DUMP_TEXT = readFileSync(DUMP_PATH, 'utf8');

/** Every body of a post title in the real dump (both layouts): the line after the title. */
export function dumpBodiesOf(title: string): string[] {
  const lines = DUMP_TEXT.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const after = lines[i + 2] ?? '';
    if (line === title && (after === 'Replies' || /^\d+$/.test(after))) out.push(lines[i + 1]!);
  });
  return out;
}

/** A fresh temporary folder for one test. */
export function tempDir(prefix = 'ne-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Write a file into a fresh temporary folder and return its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

/** A capture of what a command printed. */
export function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), interactive: false },
    out,
    err,
  };
}
