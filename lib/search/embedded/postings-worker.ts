/**
 * Worker-thread entry of the parallel index build (see `parallel-postings.ts`): tokenises the documents it is
 * sent (their text fields) into their postings, and answers with them, its typed arrays transferred.
 */
import { parentPort } from 'node:worker_threads';
import { collectPostings, type PartialPostings } from './inverted/build';

/** The documents of one part: per document, its text fields in `SEARCHABLE_FIELDS` order. */
export type PostingsRequest = { fields: string[][] };
/** The part's postings, or the error the worker hit. */
export type PostingsReply = { part: PartialPostings } | { error: string };

if (parentPort) {
  const port = parentPort;
  port.once('message', ({ fields }: PostingsRequest) => {
    try {
      const part = collectPostings(fields.length, (doc) => fields[doc]!);
      const arrays = [part.docStart, part.postTerm, part.postTf, part.fieldDf, ...part.fieldLengths];
      port.postMessage(
        { part } satisfies PostingsReply,
        arrays.map((a) => a.buffer as ArrayBuffer),
      );
    } catch (error) {
      port.postMessage({
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies PostingsReply);
    }
  });
}
