import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { LedgerEntry } from '../posts/ledger';
import type { InputFile } from './read';
import type { IngestReport } from './report';

/** An input file with the SHA-256 of its bytes: what the ledger knows it by. */
export type DigestedFile = InputFile & { sha256: string };

/** The SHA-256 of a file's bytes, in hex, read as a stream. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Each input file with its SHA-256. */
export async function digestFiles(files: readonly InputFile[]): Promise<DigestedFile[]> {
  const out: DigestedFile[] = [];
  for (const file of files) out.push({ ...file, sha256: await fileSha256(file.path) });
  return out;
}

/**
 * An input left out of an `--add`: its bytes are already in the index (`indexed`), or earlier in the same list;
 * `as` names the file they were read as.
 */
export type KnownFile = { file: DigestedFile; as: string; indexed: boolean };

/**
 * Split the inputs of an `--add` into those to read and those whose bytes (same SHA-256) the ledger already
 * lists, or an earlier input of the same list holds: `as` names the file they were ingested as.
 */
export function partitionByLedger(
  files: readonly DigestedFile[],
  ledger: readonly LedgerEntry[],
): { fresh: DigestedFile[]; known: KnownFile[] } {
  const seen = new Map(ledger.map((entry) => [entry.sha256, { as: entry.file, indexed: true }]));
  const fresh: DigestedFile[] = [];
  const known: KnownFile[] = [];
  for (const file of files) {
    const earlier = seen.get(file.sha256);
    if (earlier) known.push({ file, ...earlier });
    else {
      seen.set(file.sha256, { as: file.path, indexed: false });
      fresh.push(file);
    }
  }
  return { fresh, known };
}

/**
 * The ledger entries of an ingest: one per file read, in input order, with its counts from the report and its
 * capture date (`asOf`, else the file's modification time).
 */
export function ledgerEntries(
  files: readonly DigestedFile[],
  report: IngestReport,
  asOf: Date | undefined,
): LedgerEntry[] {
  return files.map((file, i) => {
    const counts = report.files[i];
    if (counts?.file !== file.path) throw new Error(`no counts for ${file.path} in the ingest report`);
    return {
      file: file.path,
      size: file.size,
      sha256: file.sha256,
      capturedAt: (asOf ?? file.modified).toISOString(),
      read: counts.read,
      accepted: counts.accepted,
      merged: counts.merged,
      rejected: counts.rejected,
    };
  });
}
