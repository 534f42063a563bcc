/**
 * Worker-thread entry of the record pool (see `record-pool.ts`): reads, parses, validates, identifies and
 * enriches the chunks it is sent, in the order they arrive, and answers each with its result or the error it hit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Enricher, type EnrichContext } from './enrich';
import { scanChunk, type ChunkTask } from './chunk-parse';
import { ChunkReader } from './chunk-read';
import { ChunkEncoder, WireDictionary, type ChunkWire } from './chunk-wire';
import { RecordStage } from './record-stage';

/** A chunk sent to a worker, for one ingest run (`run`), or the end of a run (its stage is dropped). */
export type RecordRequest = { seq: number; run: number; task: ChunkTask } | { end: number };
/** A worker's answer to one chunk. */
export type RecordReply = { seq: number; wire: ChunkWire } | { seq: number; error: string };

if (parentPort) {
  const port = parentPort;
  const enricher = new Enricher(workerData as EnrichContext);
  const stages = new Map<number, RecordStage>();
  // One dictionary for the worker's life: the pool keeps the matching list per worker.
  const encoder = new ChunkEncoder(new WireDictionary());
  // One read buffer for the worker's life (it reads one chunk at a time).
  const reader = new ChunkReader();
  port.on('message', (request: RecordRequest) => {
    if ('end' in request) {
      stages.delete(request.end);
      return;
    }
    const { seq, run, task } = request;
    let reply: RecordReply;
    try {
      let stage = stages.get(run);
      if (!stage) stages.set(run, (stage = new RecordStage(enricher)));
      const seams = scanChunk(task, stage, reader, (event) => encoder.add(event));
      reply = { seq, wire: encoder.finish(seams) };
    } catch (error) {
      reply = { seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(
      reply,
      'wire' in reply
        ? ([reply.wire.nums.buffer, reply.wire.texts.buffer, reply.wire.textLengths.buffer] as ArrayBuffer[])
        : [],
    );
  });
}
