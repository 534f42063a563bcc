import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileSha256, ledgerEntries, partitionByLedger, type DigestedFile } from '@/lib/ingest/ledger';
import { emptyReport } from '@/lib/ingest/report';
import { tempFile } from '../helpers/fixtures';

const file = (name: string, sha: string): DigestedFile => ({
  path: name,
  size: 10,
  modified: new Date('2025-06-02T10:00:00Z'),
  sha256: sha.repeat(64),
});
const entry = (name: string, sha: string) => ({
  file: name,
  size: 10,
  sha256: sha.repeat(64),
  capturedAt: '2025-06-02T10:00:00.000Z',
  read: 1,
  accepted: 1,
  merged: 0,
  rejected: 0,
});

describe('the ingest ledger', () => {
  it('hashes a file by its bytes', async () => {
    const text = 'Network Extension\r\nRSS for tag\r';
    expect(await fileSha256(tempFile('capture.txt', text))).toEqual(
      createHash('sha256').update(text).digest('hex'),
    );
  });

  it('leaves out the files whose bytes the ledger lists, or an earlier input of the list holds', () => {
    const { fresh, known } = partitionByLedger(
      [file('a.txt', 'a'), file('b.txt', 'b'), file('copy-of-b.txt', 'b'), file('renamed-a.txt', 'a')],
      [entry('old/a.txt', 'a')],
    );
    expect(fresh.map((f) => f.path)).toEqual(['b.txt']);
    expect(known.map((k) => [k.file.path, k.as, k.indexed])).toEqual([
      ['a.txt', 'old/a.txt', true],
      ['copy-of-b.txt', 'b.txt', false],
      ['renamed-a.txt', 'old/a.txt', true],
    ]);
  });

  it('records each file with its counts and its capture date: --as-of, else its modification time', () => {
    const report = emptyReport();
    report.files.push({ file: 'a.txt', read: 5, accepted: 3, merged: 1, rejected: 1, headerLines: 7 });
    expect(ledgerEntries([file('a.txt', 'a')], report, undefined)).toEqual([
      { ...entry('a.txt', 'a'), read: 5, accepted: 3, merged: 1, rejected: 1 },
    ]);
    expect(ledgerEntries([file('a.txt', 'a')], report, new Date('2025-07-15'))[0]!.capturedAt).toEqual(
      '2025-07-15T00:00:00.000Z',
    );
  });
});
