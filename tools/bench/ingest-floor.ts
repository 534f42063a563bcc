import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { PassResult } from './ingest-bench';

/** Size of the pieces the floor's workers read, as the parallel ingest reads them. */
const PIECE_BYTES = 1 << 20;

/**
 * A worker of the floor pass: for each piece number it gets, it reads that 1 MB of the file, decodes it as UTF-8
 * and cuts it into lines (`indexOf` + `slice`), then answers with the number of lines. Nothing is parsed.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync } = require('node:fs');
const fd = openSync(workerData.file, 'r');
const buffer = Buffer.allocUnsafe(${PIECE_BYTES});
const decoder = new TextDecoder();
parentPort.on('message', (piece) => {
  const read = readSync(fd, buffer, 0, ${PIECE_BYTES}, piece * ${PIECE_BYTES});
  const text = decoder.decode(buffer.subarray(0, read));
  let lines = 0;
  let start = 0;
  for (let end = text.indexOf('\\n'); end >= 0; end = text.indexOf('\\n', start)) {
    if (text.slice(start, end).length >= 0) lines++;
    start = end + 1;
  }
  parentPort.postMessage(lines);
});
`;

/** Start a floor worker and wait until it runs. */
async function startFloorWorker(file: string): Promise<Worker> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } });
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  return worker;
}

/**
 * The parallel floor of ingest: `workers` threads (started before the clock) read, decode and split the file
 * into lines, 1 MB pieces handed out in turn, and nothing else. No parser can run faster on this many cores, so
 * the gap between this and the ingest pass is what parsing, validation, ids and enrichment cost.
 */
export async function parallelSplitPass(file: string, workers: number): Promise<PassResult> {
  const { size } = await stat(file);
  const pieces = Math.ceil(size / PIECE_BYTES);
  const pool = await Promise.all(Array.from({ length: Math.max(1, workers) }, () => startFloorWorker(file)));
  const started = performance.now();
  let lines = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      if (pieces === 0) return resolve();
      const give = (worker: Worker) => {
        if (next < pieces) worker.postMessage(next++);
      };
      for (const worker of pool) {
        worker.on('error', reject);
        worker.on('message', (count: number) => {
          lines += count;
          if (++done === pieces) resolve();
          else give(worker);
        });
        give(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return { ms: performance.now() - started, bytes: size, lines, posts: 0, rejected: 0 };
}
