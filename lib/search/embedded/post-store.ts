import { closeSync, readSync, writeSync } from 'node:fs';
import { Post } from '../../posts/schema';

const CACHE_SIZE = 4096;
const WRITE_BATCH = 4 << 20;

/** A post record of the index that does not parse as a Post: the file was changed behind our back. */
export class DamagedPostError extends Error {
  override name = 'DamagedPostError';
}

/**
 * Write posts as UTF-8 JSON records, one after another, to an open file from byte `at`, through one reused
 * buffer (so no memory grows with the corpus). Returns the records' offsets relative to `at`:
 * record d is `[offsets[d], offsets[d + 1])`.
 */
export function writePostRecords(fd: number, posts: readonly Post[], at: number): Float64Array {
  const encoder = new TextEncoder();
  const offsets = new Float64Array(posts.length + 1);
  let buffer = new Uint8Array(WRITE_BATCH);
  let used = 0;
  let written = 0;
  const flush = () => {
    for (let done = 0; done < used;) done += writeSync(fd, buffer, done, used - done, at + written + done);
    written += used;
    used = 0;
  };
  posts.forEach((post, i) => {
    const record = JSON.stringify(post);
    if (buffer.length - used < 3 * record.length) {
      flush();
      if (buffer.length < 3 * record.length) buffer = new Uint8Array(3 * record.length);
    }
    used += encoder.encodeInto(record, buffer.subarray(used)).written;
    offsets[i + 1] = written + used;
  });
  flush();
  return offsets;
}

/** Bytes read at once when every post is read (`PostStore.all`). */
const READ_ALL_WINDOW = 16 << 20;

/** The post a record's bytes (`bytes[start, end)`, none when they could not be read) hold, checked against the schema. */
function decodeRecord(bytes: Buffer | null, start: number, end: number, doc: number): Post {
  let parsed;
  try {
    parsed = bytes ? Post.safeParse(JSON.parse(bytes.toString('utf8', start, end))) : null;
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw new DamagedPostError(`post record ${doc} of the search index is damaged`);
  return parsed.data;
}

/**
 * The posts of a saved index, read from the data file on first use (one positioned read each, then
 * validated), the most recently used ones kept: loading a large index reads no post, and a search decodes
 * only its hits. The file descriptor stays open while the store is in use, so a newer index replacing the
 * file does not pull it away; `close` releases it.
 */
export class PostStore {
  private readonly cache = new Map<number, Post>();
  private buffer = Buffer.allocUnsafe(64 * 1024);

  constructor(
    private readonly fd: number,
    /** Where the records start in the file. */
    private readonly base: number,
    private readonly offsets: Float64Array,
  ) {}

  /** The post of doc `doc`. */
  get(doc: number): Post {
    const cached = this.cache.get(doc);
    if (cached) {
      this.cache.delete(doc);
      this.cache.set(doc, cached);
      return cached;
    }
    const post = this.read(doc);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(doc, post);
    return post;
  }

  private read(doc: number): Post {
    const from = this.offsets[doc]!;
    const length = this.offsets[doc + 1]! - from;
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(length);
    let got = -1;
    try {
      got = readSync(this.fd, this.buffer, 0, length, this.base + from);
    } catch {
      // a failed read is a damaged record
    }
    return decodeRecord(got === length ? this.buffer : null, 0, length, doc);
  }

  /**
   * Every post, in doc order, each checked as `get` checks it: the records read in windows of `windowBytes`
   * ({@link READ_ALL_WINDOW} by default; one record more when it is longer), not one read each, and not kept
   * (the cache is for searches).
   */
  all(windowBytes = READ_ALL_WINDOW): Post[] {
    const count = this.offsets.length - 1;
    const posts = new Array<Post>(count);
    let window = Buffer.allocUnsafe(0);
    let windowAt = 0;
    let windowEnd = 0;
    for (let doc = 0; doc < count; doc++) {
      const from = this.offsets[doc]!;
      const to = this.offsets[doc + 1]!;
      if (to > windowEnd) {
        const size = Math.max(windowBytes, to - from);
        if (window.length < size) window = Buffer.allocUnsafe(size);
        windowAt = from;
        windowEnd = Math.min(from + size, this.offsets[count]!);
        if (!this.readFully(window, windowEnd - windowAt, this.base + windowAt)) windowEnd = 0;
      }
      posts[doc] = decodeRecord(windowEnd >= to ? window : null, from - windowAt, to - windowAt, doc);
    }
    return posts;
  }

  /** Read `length` bytes at `at` into the start of `into`; false when the file ends first or the read fails. */
  private readFully(into: Buffer, length: number, at: number): boolean {
    try {
      for (let done = 0; done < length;) {
        const got = readSync(this.fd, into, done, length - done, at + done);
        if (got === 0) return false;
        done += got;
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Release the file, after `graceMs` (searches that already hold this store finish first). */
  close(graceMs = 30_000): void {
    const fd = this.fd;
    setTimeout(() => {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }, graceMs).unref();
  }
}
