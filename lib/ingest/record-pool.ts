import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingEntry, startWorker } from '../workers/start-worker';
import type { EnrichContext } from './enrich';
import type { ChunkResult, ChunkTask } from './chunk-parse';
import { decodeChunk } from './chunk-wire';
import type { RecordReply, RecordRequest } from './record-worker';
import { WorkerThreadError } from '../errors';

/** Inputs smaller than this run on the main thread: starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 2 ** 20;

/** A record worker failed (its error, or it stopped); the ingest cannot finish. */

/** How many workers to use for an input of `bytes`: 0 (main thread only) below PARALLEL_MIN_BYTES or on one core. */
export function autoWorkerCount(bytes: number): number {
  const cores = availableParallelism();
  return bytes >= PARALLEL_MIN_BYTES && cores >= 2 ? Math.min(cores, 8) : 0;
}

/** Start one record worker. */
function startRecordWorker(context: EnrichContext): Worker {
  return startWorker(siblingEntry('record-worker', import.meta.url), context);
}

type Pending = { resolve: (result: () => ChunkResult) => void; reject: (error: Error) => void; file: string };
/** A worker, its chunks in flight, and its dictionary of repeated values (see ChunkWire). */
type Slot = { worker: Worker; pending: Map<number, Pending>; dict: string[]; exited: boolean };

/** One ingest run's use of a pool: its chunks share one stage per worker (see RecordStage). */
export type RecordRun = {
  /** How many workers. */
  readonly size: number;
  /** Read, parse, validate, identify and enrich one chunk of a file (see parseChunk); call the answer to decode it. */
  run(task: ChunkTask): Promise<() => ChunkResult>;
  /** Tell the workers the run is over (they drop its stage). */
  end(): void;
};

/**
 * A pool of worker threads that each read, parse, validate, identify and enrich chunks of files (byte ranges;
 * see parseChunk). Each worker handles its chunks in the order sent. Idle workers do not keep the process alive.
 * Owned by whoever starts it (the ingest entry for one ingest, a tool across its passes): that caller hands it
 * to the stage that sends it chunks, and closes it when done; nothing else keeps or shares it. A pool kept for
 * several runs skips the workers' start-up and warm-up on the later ones.
 */
export class RecordPool {
  private readonly slots: Slot[];
  private seq = 0;
  private runs = 0;
  private failure: WorkerThreadError | undefined;

  /** Start `size` workers (at least one) sharing the enrichment context. */
  constructor(
    size: number,
    readonly context: EnrichContext,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => this.startSlot(context));
  }

  private startSlot(context: EnrichContext): Slot {
    const slot: Slot = { worker: startRecordWorker(context), pending: new Map(), dict: [], exited: false };
    slot.worker.unref();
    slot.worker.on('message', (reply: RecordReply) => {
      if ('wire' in reply) for (const value of reply.wire.added) slot.dict.push(value);
      const pending = slot.pending.get(reply.seq);
      if (!pending) return;
      slot.pending.delete(reply.seq);
      if (slot.pending.size === 0) slot.worker.unref();
      if ('error' in reply) pending.reject(this.fail(`a record worker failed: ${reply.error}`));
      else {
        const { wire } = reply;
        const dict = slot.dict;
        // Decoded when the reader takes it, so its posts are built just before use (and die young if dropped).
        pending.resolve(() => decodeChunk(wire, dict, pending.file));
      }
    });
    slot.worker.on('error', (error) => this.abort(slot, `a record worker failed: ${error.message}`));
    slot.worker.on('exit', (code) => {
      slot.exited = true;
      this.abort(slot, `a record worker stopped (exit code ${code})`);
    });
    return slot;
  }

  private fail(message: string): WorkerThreadError {
    this.failure ??= new WorkerThreadError(message);
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

  /** How many of its workers have not exited (all of them until it is closed or one fails). */
  get running(): number {
    return this.slots.filter((s) => !s.exited).length;
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
      run: (task) => this.send(run, task),
      end: () => {
        if (!this.failure)
          for (const s of this.slots) s.worker.postMessage({ end: run } satisfies RecordRequest);
      },
    };
  }

  /** Send a chunk to the least busy worker. */
  private send(run: number, task: ChunkTask): Promise<() => ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const seq = this.seq++;
    return new Promise<() => ChunkResult>((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(seq, { resolve, reject, file: task.file });
      slot.worker.postMessage({ seq, run, task } satisfies RecordRequest);
    });
  }

  /** Stop every worker (pending chunks are rejected); when it resolves, none is running. */
  async close(): Promise<void> {
    this.failure ??= new WorkerThreadError('the record pool was closed');
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
