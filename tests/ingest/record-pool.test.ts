import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { WorkerThreadError } from '@/lib/errors';
import { chunkTasks } from '@/lib/ingest/parallel-ingest';
import { ingest, type IngestResult } from '@/lib/ingest/pipeline';
import { RecordPool } from '@/lib/ingest/record-pool';
import { corpusText } from '@/tools/corpus/dump-writer';
import { buildWordPools } from '@/tools/corpus/word-pools';
import { tempDir } from '../helpers/fixtures';

const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
const asOf = new Date('2025-06-15T00:00:00Z');
const dir = tempDir('record-pool-');
const file = path.join(dir, 'corpus.txt');
writeFileSync(
  file,
  [...corpusText({ posts: 400, seed: 7 }, buildWordPools(context.catalog, context.topics))].join(''),
);

/** Everything a run gives except its timing. */
const outcome = ({ posts, report }: IngestResult) => JSON.stringify({ posts, report: { ...report, ms: 0 } });

describe('a record pool is its caller’s', () => {
  const pools: RecordPool[] = [];
  const pool = (size: number) => {
    const p = new RecordPool(size, context);
    pools.push(p);
    return p;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('an ingest given a pool leaves it open and running, and a second ingest on it gives the same', async () => {
    const serial = await ingest([file], context, { asOf, workers: 0 });
    const mine = pool(2);
    const first = await ingest([file], context, { asOf, workers: 2, chunkBytes: 20_000, pool: mine });
    expect([mine.failed, mine.running]).toEqual([false, 2]);
    const second = await ingest([file], context, { asOf, workers: 2, chunkBytes: 20_000, pool: mine });
    expect(outcome(first)).toBe(outcome(serial));
    expect(outcome(second)).toBe(outcome(serial));
    expect(first.report.read).toBe(400);
  }, 60_000);

  it('two pools used side by side give the same, and closing one ends its workers only', async () => {
    const a = pool(1);
    const b = pool(2);
    const options = { asOf, workers: 2, chunkBytes: 15_000 };
    const [viaA, viaB] = await Promise.all([
      ingest([file], context, { ...options, pool: a }),
      ingest([file], context, { ...options, pool: b }),
    ]);
    expect(outcome(viaA)).toBe(outcome(viaB));
    await a.close();
    expect([a.failed, a.running]).toEqual([true, 0]);
    expect([b.failed, b.running]).toEqual([false, 2]);
    await expect(ingest([file], context, { ...options, pool: a })).rejects.toThrow(
      new WorkerThreadError('the record pool was closed'),
    );
    const again = await ingest([file], context, { ...options, pool: b });
    expect(outcome(again)).toBe(outcome(viaB));
  }, 60_000);

  it('an ingest given no pool closes the one it starts before it returns: none of its workers runs on', async () => {
    const close = vi.spyOn(RecordPool.prototype, 'close');
    try {
      const result = await ingest([file], context, { asOf, workers: 2, chunkBytes: 20_000 });
      expect(result.report.read).toBe(400);
      expect(close).toHaveBeenCalledTimes(1);
      const started = close.mock.contexts[0] as RecordPool;
      expect([started.size, started.failed, started.running]).toEqual([2, true, 0]);
    } finally {
      close.mockRestore();
    }
  }, 60_000);

  it('a closed pool rejects a chunk with the closing error', async () => {
    const p = pool(1);
    await p.close();
    const [task] = chunkTasks({ path: file, size: 100, modified: asOf }, asOf, 100);
    await expect(p.startRun().run(task!)).rejects.toThrow(
      new WorkerThreadError('the record pool was closed'),
    );
  });
});
