/**
 * Worker-thread entry of the record pool (see `record-pool.ts`): runs validate → identify → enrich on the
 * batches it is sent, in the order they arrive, and answers each with its results or the error it hit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EnrichContext } from './enrich';
import type { ParsedRecord } from './parse';
import { RecordStage, type RecordResult } from './record-stage';

/** A batch sent to a worker, for one ingest run (`run`), or the end of a run (its stage is dropped). */
export type RecordRequest = { seq: number; run: number; records: ParsedRecord[] } | { end: number };
/** A worker's answer to one batch. */
export type RecordReply = { seq: number; results: RecordResult[] } | { seq: number; error: string };

if (parentPort) {
  const port = parentPort;
  const context = workerData as EnrichContext;
  const stages = new Map<number, RecordStage>();
  port.on('message', (request: RecordRequest) => {
    if ('end' in request) {
      stages.delete(request.end);
      return;
    }
    const { seq, run, records } = request;
    let reply: RecordReply;
    try {
      let stage = stages.get(run);
      if (!stage) stages.set(run, (stage = new RecordStage(context)));
      reply = { seq, results: stage.runAll(records) };
    } catch (error) {
      reply = { seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}
