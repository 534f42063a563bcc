import { availableParallelism } from 'node:os';
import { siblingEntry, startWorker } from '../../workers/start-worker';
import { collectPostings, type PartialPostings } from './inverted/build';
import type { PostingsReply, PostingsRequest } from './postings-worker';
import { WorkerThreadError } from '../../errors';

/** Below this many documents the index is built on one thread: a worker costs more than it saves. */
export const PARALLEL_MIN_DOCS = 20_000;

/**
 * Tokenise documents into postings on two threads: the second half of the documents on a worker, the first
 * half here meanwhile. The parts merge (`mergePostings`) into exactly the index one part would give.
 * Small inputs, or one core, stay on this thread.
 */
export async function collectPostingsInParallel(
  count: number,
  fieldsOf: (doc: number) => readonly string[],
  options: { minDocs?: number } = {},
): Promise<PartialPostings[]> {
  if (count < (options.minDocs ?? PARALLEL_MIN_DOCS) || availableParallelism() < 2 || count < 2)
    return [collectPostings(count, fieldsOf)];
  const split = Math.ceil(count / 2);
  const fields = Array.from({ length: count - split }, (_, i) => [...fieldsOf(split + i)]);
  const worker = startWorker(siblingEntry('postings-worker', import.meta.url), null);
  const remote = new Promise<PartialPostings>((resolve, reject) => {
    worker.once('message', (reply: PostingsReply) =>
      'error' in reply ? reject(new WorkerThreadError(reply.error)) : resolve(reply.part),
    );
    worker.once('error', (error) => reject(new WorkerThreadError(error.message)));
    worker.once('exit', (code) =>
      reject(new WorkerThreadError(`the postings worker stopped (exit code ${code})`)),
    );
  });
  try {
    worker.postMessage({ fields } satisfies PostingsRequest);
    const local = collectPostings(split, fieldsOf);
    return [local, await remote];
  } finally {
    await worker.terminate();
  }
}
