import type { Post } from '../posts/schema';
import type { RecordPool } from './record-pool';
import type { IngestReport } from './report';

/** How one ingest runs; every field is optional. */
export type IngestOptions = {
  /** Capture date for relative activity (`3d`); defaults to each file's modification time. */
  asOf?: Date;
  /** Called as bytes are read, with the running total and the total size of all inputs. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * Worker threads that read, parse, validate, identify and enrich chunks of the files: 0 runs everything on
   * this thread; default: one per core when the input is at least PARALLEL_MIN_BYTES. The posts and the report
   * are the same either way.
   */
  workers?: number;
  /**
   * The workers to use when the ingest runs on workers (then `workers` only decides whether it does): the
   * caller's pool, which stays open for its next use; by default the ingest starts a pool of `workers` and
   * closes it before it returns.
   */
  pool?: RecordPool;
  /** Bytes per chunk of a file on the worker path (default CHUNK_BYTES; tests use small ones). */
  chunkBytes?: number;
};

/** The distinct enriched posts in the order first read, and the accounting of every record read. */
export type IngestResult = { posts: Post[]; report: IngestReport };
