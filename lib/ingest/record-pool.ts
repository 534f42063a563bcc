import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EnrichContext } from './enrich';
import type { ParsedRecord } from './parse';
import type { RecordResult } from './record-stage';
import type { RecordReply, RecordRequest } from './record-worker';

/** Inputs smaller than this run on the main thread: starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 2 ** 20;

/** A record worker failed (its error, or it stopped); the ingest cannot finish. */
export class RecordWorkerError extends Error {
  override name = 'RecordWorkerError';
}

/** How many workers to use for an input of `bytes`: 0 (main thread only) below PARALLEL_MIN_BYTES or on one core. */
export function autoWorkerCount(bytes: number): number {
  const cores = availableParallelism();
  return bytes >= PARALLEL_MIN_BYTES && cores >= 2 ? Math.min(cores, 8) : 0;
}

/** The file of tsx's ESM API (`tsx/esm/api`, import condition), found from this module. */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exports = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports;
  return path.join(path.dirname(manifest), exports['./esm/api']!.import.default);
}

type BuildSync = (options: Record<string, unknown>) => { outputFiles: Array<{ text: string }> };
let bundled: string | null | undefined;

/**
 * The worker entry and everything it imports as one CommonJS script, built once per process with esbuild (which
 * tsx, running these sources, depends on): a worker then starts in tens of milliseconds, where loading each
 * module through tsx's hooks takes about a second. Null when esbuild is not available.
 */
function bundledWorker(entry: string): string | null {
  if (bundled !== undefined) return bundled;
  try {
    const esbuild = createRequire(import.meta.url)('esbuild') as { buildSync: BuildSync };
    const [output] = esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    }).outputFiles;
    bundled = output?.text ?? null;
  } catch {
    bundled = null;
  }
  return bundled;
}

/**
 * Start one record worker. From TypeScript sources (tsx, vitest) it runs the esbuild bundle of the entry, or
 * else registers tsx first so the worker can load `.ts`; from JavaScript it loads the entry directly.
 */
function startWorker(context: EnrichContext): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './record-worker.ts' : './record-worker.js', import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: context });
  const code = bundledWorker(fileURLToPath(entry));
  if (code !== null) return new Worker(code, { eval: true, workerData: context });
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: context });
}

type Pending = { resolve: (results: RecordResult[]) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; pending: Map<number, Pending> };

/** One ingest run's use of a pool: its batches share one stage per worker (see RecordStage). */
export type RecordRun = {
  /** How many workers. */
  readonly size: number;
  /** Run the stages on a batch of records; resolves with one result per record. */
  run(records: ParsedRecord[]): Promise<RecordResult[]>;
  /** Tell the workers the run is over (they drop its stage). */
  end(): void;
};

/**
 * A pool of worker threads running the per-record stages (validate → identify → enrich). Each worker handles
 * its batches in the order sent. Idle workers do not keep the process alive; close the pool to stop them.
 */
export class RecordPool {
  private readonly slots: Slot[];
  private seq = 0;
  private runs = 0;
  private failure: RecordWorkerError | undefined;

  /** Start `size` workers (at least one) sharing the enrichment context. */
  constructor(
    size: number,
    readonly context: EnrichContext,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => this.startSlot(context));
  }

  private startSlot(context: EnrichContext): Slot {
    const slot: Slot = { worker: startWorker(context), pending: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (reply: RecordReply) => {
      const pending = slot.pending.get(reply.seq);
      if (!pending) return;
      slot.pending.delete(reply.seq);
      if (slot.pending.size === 0) slot.worker.unref();
      if ('error' in reply) pending.reject(this.fail(`a record worker failed: ${reply.error}`));
      else pending.resolve(reply.results);
    });
    slot.worker.on('error', (error) => this.abort(slot, `a record worker failed: ${error.message}`));
    slot.worker.on('exit', (code) => this.abort(slot, `a record worker stopped (exit code ${code})`));
    return slot;
  }

  private fail(message: string): RecordWorkerError {
    this.failure ??= new RecordWorkerError(message);
    return this.failure;
  }

  private abort(slot: Slot, message: string): void {
    if (slot.pending.size === 0 && this.failure) return;
    const error = this.fail(message);
    for (const pending of slot.pending.values()) pending.reject(error);
    slot.pending.clear();
  }

  /** How many workers. */
  get size(): number {
    return this.slots.length;
  }

  /** True once a worker failed or the pool was closed. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Begin an ingest run on this pool. */
  startRun(): RecordRun {
    const run = ++this.runs;
    return {
      size: this.size,
      run: (records) => this.send(run, records),
      end: () => {
        if (!this.failure)
          for (const s of this.slots) s.worker.postMessage({ end: run } satisfies RecordRequest);
      },
    };
  }

  /** Send a batch to the least busy worker. */
  private send(run: number, records: ParsedRecord[]): Promise<RecordResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const seq = this.seq++;
    return new Promise<RecordResult[]>((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, run, records } satisfies RecordRequest);
    });
  }

  /** Stop every worker (pending batches are rejected). */
  async close(): Promise<void> {
    this.failure ??= new RecordWorkerError('the record pool was closed');
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

let shared: RecordPool | undefined;

/**
 * The process's pool of `size` workers for this context, started on first use and kept (idle workers do not
 * keep the process alive), so later runs skip the start-up and the workers' warm-up. Another size or context
 * replaces it.
 */
export function sharedRecordPool(size: number, context: EnrichContext): RecordPool {
  const same =
    shared &&
    !shared.failed &&
    shared.size === Math.max(1, size) &&
    shared.context.catalog === context.catalog &&
    shared.context.topics === context.topics;
  if (!same) {
    void shared?.close();
    shared = new RecordPool(size, context);
  }
  return shared!;
}
