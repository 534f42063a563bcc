import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingEntry, startWorker } from '../workers/start-worker';
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

/** Start one record worker. */
function startRecordWorker(context: EnrichContext): Worker {
  return startWorker(siblingEntry('record-worker', import.meta.url), context);
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
    const slot: Slot = { worker: startRecordWorker(context), pending: new Map() };
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
