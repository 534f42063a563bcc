import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { corpusText } from '@/tools/corpus/dump-writer';
import { buildWordPools } from '@/tools/corpus/word-pools';
import { ingest, type IngestResult } from '@/lib/ingest/pipeline';
import { isBalanced } from '@/lib/ingest/report';
import { DUMP_PATH, DUMP_TEXT, tempDir } from '../helpers/fixtures';

const catalog = loadErrorCatalog();
const topics = loadTopics();
const context = { catalog, topics };
const asOf = new Date('2025-06-15T00:00:00Z');

/** Records that go wrong: a stray value, a title too long (rejected by validation), a record cut off. */
const DAMAGE = [
  '42',
  'T'.repeat(501),
  'A body for a title that is too long',
  '1',
  '2',
  '3',
  'May ’25',
  'Cut',
  'Off',
  '1',
];

/**
 * A generated corpus damaged the ways real captures are: stray values, invalid and cut records before its
 * headers and at its end (where the parser resynchronises), a lost line, CRLF line ends for even seeds.
 */
function damagedCorpus(posts: number, seed: number): string {
  const text = [...corpusText({ posts, seed }, buildWordPools(catalog, topics))].join('');
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line === 'RSS for tag' && i > 1) out.splice(out.length - 1, 0, ...DAMAGE.slice(0, 7));
    if (i !== lines.length - 40) out.push(line);
  });
  out.push(...DAMAGE);
  return out.join(seed % 2 === 0 ? '\r\n' : '\n');
}

/** Everything a run gives except its timing. */
const outcome = ({ posts, report }: IngestResult) => ({ posts, report: { ...report, ms: 0 } });

describe('parallel ingest (worker threads) gives what the serial ingest gives', () => {
  const dir = tempDir('ingest-parallel-');
  const files = [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')];
  let serial: IngestResult;
  let parallel: IngestResult;

  beforeAll(async () => {
    writeFileSync(files[0]!, damagedCorpus(1500, 3));
    writeFileSync(files[1]!, `\uFEFF${damagedCorpus(700, 4)}\n${DUMP_TEXT}`);
    serial = await ingest([...files, DUMP_PATH], context, { asOf, workers: 0 });
    parallel = await ingest([...files, DUMP_PATH], context, { asOf, workers: 2 });
  }, 120_000);

  it('the same posts, in the same order, with the same keys in the same order', () => {
    expect(parallel.posts.length).toBeGreaterThan(2000);
    expect(JSON.stringify(parallel.posts)).toBe(JSON.stringify(serial.posts));
  });

  it('the same report: counts per file, rejections and skipped lines with file:line, in order', () => {
    expect(outcome(parallel).report).toEqual(outcome(serial).report);
    expect(isBalanced(parallel.report)).toBe(true);
    expect(parallel.report.files.map((f) => path.basename(f.file))).toEqual([
      'a.txt',
      'b.txt',
      'network-extension-forum-dump.txt',
    ]);
    expect(parallel.report.rejected).toBeGreaterThan(0);
    expect(parallel.report.skipped.length).toBeGreaterThan(0);
    expect(parallel.report.rejects.some((r) => r.reason.includes('title longer than 500 characters'))).toBe(
      true,
    );
  });

  it('one worker gives the same as two (a repeat may reach a worker that never saw its first reading)', async () => {
    const one = await ingest(files, context, { asOf, workers: 1 });
    const two = await ingest(files, context, { asOf, workers: 2 });
    expect(JSON.stringify(one.posts)).toBe(JSON.stringify(two.posts));
    expect(outcome(one).report).toEqual(outcome(two).report);
  }, 60_000);

  it('the real dump alone, forced through workers, gives the serial posts', async () => {
    const forced = await ingest([DUMP_PATH], context, { asOf, workers: 2 });
    const plain = await ingest([DUMP_PATH], context, { asOf });
    expect(forced.posts).toEqual(plain.posts);
    expect({
      read: forced.report.read,
      accepted: forced.report.accepted,
      merged: forced.report.merged,
    }).toEqual({ read: 39, accepted: 20, merged: 19 });
  });
});
