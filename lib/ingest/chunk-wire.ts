import type { Forum, OsVersion, Post } from '../posts/schema';
import type { ChunkEvent, ChunkResult, ChunkSeams } from './chunk-parse';
import { NO_FORUMS } from './parse';

/**
 * A chunk result as it crosses threads: numbers in one transferred Float64Array, the texts of its posts and
 * messages as bytes in one transferred buffer (their lengths in another), and the short values that repeat from
 * post to post (topics, API classes, OS versions, error codes, activity months, forums) as numbers into a
 * dictionary that each worker grows and sends only the new entries of. Cloning thousands of small objects (each
 * key written out by name) cost the receiving thread more than building the same posts from this; and texts sent
 * as strings land on the receiver's heap on arrival, where those of the chunks waiting their turn outlive a few
 * collections and pile up in the old generation: as bytes they stay off the heap until `decodeChunk` makes them
 * strings, just before use. `decodeChunk(encodeChunk(r))` equals `r`.
 */
export type ChunkWire = {
  seams: ChunkSeams;
  /** The events' numbers, in order. */
  nums: Float64Array;
  /** The texts, in order, each UTF-8 (UTF-16LE for a text with a lone surrogate, which UTF-8 cannot hold). */
  texts: Uint8Array;
  /** Per text: its byte length times four, plus its encoding (TEXT_ASCII, TEXT_UTF8 or TEXT_UTF16). */
  textLengths: Uint32Array;
  /** Dictionary entries added by this message, in order. */
  added: string[];
};

const POST = 0;
const REPEAT = 1;
const REJECT = 2;
const SKIP = 3;
const RELABEL = 4;
const HEADER = 8;
/** Header flags: it names a forum (two texts follow), or it ends the column names with Activity or Created. */
const HEADER_FORUM = 16;
const HEADER_ACTIVITY = 32;
const HEADER_CREATED = 64;
const NO_ACTIVITY = -1;
/**
 * A text's encoding on the wire. ASCII is UTF-8 too, but read back as Latin-1: a plain copy into a one-byte
 * string, where decoding UTF-8 checks every byte (most texts are ASCII, so this is most of the receiver's work).
 */
const TEXT_ASCII = 0;
const TEXT_UTF8 = 1;
const TEXT_UTF16 = 2;
const TEXT_ENCODINGS = ['latin1', 'utf8', 'utf16le'] as const;

/** The sender's dictionary: value → number, and what it added since the last message. */
export class WireDictionary {
  private readonly ids = new Map<string, number>();
  private added: string[] = [];

  /** The number of a value (a new number, recorded as added, for a new value). */
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
      this.added.push(value);
    }
    return id;
  }

  /** The values added since the last call. */
  takeAdded(): string[] {
    const added = this.added;
    this.added = [];
    return added;
  }
}

/** `String.prototype.isWellFormed` (ES2024: Node has it, the project's TypeScript lib stops at ES2023). */
const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Writes texts one after another into a growing byte buffer (see ChunkWire), reused from chunk to chunk. */
class TextWriter {
  private bytes = Buffer.allocUnsafeSlow(1 << 16);
  private at = 0;
  private lengths: number[] = [];

  /** Append one text. */
  add(text: string): void {
    // At most 3 UTF-8 bytes per UTF-16 unit (and 2 in UTF-16LE).
    if (this.at + text.length * 3 > this.bytes.length) this.grow(text.length * 3);
    const written = this.bytes.write(text, this.at, 'utf8');
    // Fewer bytes than units is impossible; as many means ASCII. Otherwise a lone surrogate would come back as U+FFFD.
    if (written === text.length) {
      this.at += written;
      this.lengths.push(written * 4 + TEXT_ASCII);
    } else if (isWellFormed(text)) {
      this.at += written;
      this.lengths.push(written * 4 + TEXT_UTF8);
    } else {
      const units = this.bytes.write(text, this.at, 'utf16le');
      this.at += units;
      this.lengths.push(units * 4 + TEXT_UTF16);
    }
  }

  private grow(needed: number): void {
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.at + needed));
    this.bytes.copy(bigger, 0, 0, this.at);
    this.bytes = bigger;
  }

  /** The texts added since the last call, as bytes and lengths each in a buffer of its own (to transfer). */
  take(): { texts: Uint8Array; textLengths: Uint32Array } {
    const texts = new Uint8Array(this.at);
    texts.set(this.bytes.subarray(0, this.at));
    const textLengths = Uint32Array.from(this.lengths);
    this.at = 0;
    this.lengths = [];
    return { texts, textLengths };
  }
}

/** OS versions as one dictionary value each: platform, version, label and number joined by NUL. */
function osKey(os: OsVersion): string {
  return `${os.platform}\0${os.version}\0${os.label}\0${os.number}`;
}

/** Encodes a chunk's events one by one as they come (see ChunkWire), so the posts themselves die young. */
export class ChunkEncoder {
  private nums: number[] = [];
  private readonly texts = new TextWriter();

  constructor(private readonly dict: WireDictionary) {}

  private list(values: readonly string[]): void {
    this.nums.push(values.length);
    for (const v of values) this.nums.push(this.dict.id(v));
  }

  /** Add the next event. */
  add(event: ChunkEvent): void {
    const { nums, texts, dict } = this;
    if (event.kind === 'header') {
      const flags =
        (event.forum ? HEADER_FORUM : 0) |
        (event.lastColumn === 'Activity'
          ? HEADER_ACTIVITY
          : event.lastColumn === 'Created'
            ? HEADER_CREATED
            : 0);
      nums.push(HEADER | flags, event.at, event.line);
      if (event.forum) {
        texts.add(event.forum.name);
        texts.add(event.forum.kind);
      }
      return;
    }
    if (event.kind === 'reject' || event.kind === 'skip') {
      nums.push(
        event.kind === 'skip' ? SKIP : event.relabel ? REJECT | RELABEL : REJECT,
        event.at,
        event.line,
      );
      texts.add(event.reason);
      return;
    }
    const p = event.post;
    nums.push(event.kind === 'post' ? POST : REPEAT, event.at, p.source.line, p.replies, p.boosts, p.views);
    nums.push(p.activity === null ? NO_ACTIVITY : dict.id(p.activity));
    nums.push(p.created === null ? NO_ACTIVITY : dict.id(p.created));
    nums.push(p.forums.length);
    for (const f of p.forums) nums.push(dict.id(`${f.kind}\0${f.name}`));
    texts.add(p.title);
    texts.add(p.body);
    texts.add(p.id);
    texts.add(p.slug);
    // No thread id as '' (an id is digits, never empty).
    texts.add(p.threadId ?? '');
    if (event.kind === 'repeat') return;
    const post = p as Post;
    this.list(post.topics);
    this.list(post.apiClasses);
    this.list(post.osVersions);
    nums.push(post.os.length);
    for (const os of post.os) nums.push(dict.id(osKey(os)));
    this.list(post.errorCodes);
    this.list(post.errorCodeVariants);
    // Feedback ids rarely repeat: as texts, so the dictionaries do not grow with the input.
    nums.push(post.feedbackIds.length);
    for (const id of post.feedbackIds) texts.add(id);
  }

  /** The message for the events added, with the chunk's seams; the encoder starts afresh. */
  finish(seams: ChunkSeams): ChunkWire {
    const wire = {
      seams,
      nums: Float64Array.from(this.nums),
      ...this.texts.take(),
      added: this.dict.takeAdded(),
    };
    this.nums = [];
    return wire;
  }
}

/** Encode a chunk result for another thread (see ChunkWire). */
export function encodeChunk(result: ChunkResult, dict: WireDictionary): ChunkWire {
  const encoder = new ChunkEncoder(dict);
  for (const event of result.events) encoder.add(event);
  const { from, to, lines, syncLine, syncOffset, ended, idle } = result;
  return encoder.finish({ from, to, lines, syncLine, syncOffset, ended, idle });
}

/**
 * Reads a wire back in order: its numbers, its texts (as a TextWriter wrote them) and its dictionary values. A
 * class, not closures made per chunk, so the receiving thread's optimised code keeps its call targets.
 */
class WireReader {
  private n = 0;
  private t = 0;
  private at = 0;
  private readonly bytes: Buffer;
  /** OS versions by dictionary number, split once per chunk (each post gets objects of its own). */
  private readonly osParts = new Map<number, [OsVersion['platform'], string, string, number]>();

  constructor(
    private readonly wire: ChunkWire,
    private readonly dict: readonly string[],
  ) {
    this.bytes = Buffer.from(wire.texts.buffer, wire.texts.byteOffset, wire.texts.byteLength);
  }

  get more(): boolean {
    return this.n < this.wire.nums.length;
  }

  num(): number {
    return this.wire.nums[this.n++]!;
  }

  text(): string {
    const length = this.wire.textLengths[this.t++]!;
    const end = this.at + (length >>> 2);
    const text = this.bytes.toString(TEXT_ENCODINGS[length & 3]!, this.at, end);
    this.at = end;
    return text;
  }

  /** The dictionary value of the next number. */
  value(): string {
    return this.dict[this.num()]!;
  }

  /** A list of dictionary values: its length, then its numbers. */
  list(): string[] {
    const length = this.num();
    const out = new Array<string>(length);
    for (let i = 0; i < length; i++) out[i] = this.value();
    return out;
  }

  /** An OS version (see osKey). */
  os(): OsVersion {
    const id = this.num();
    let parts = this.osParts.get(id);
    if (!parts) {
      const [platform, version, label, number] = this.dict[id]!.split('\0') as [
        OsVersion['platform'],
        string,
        string,
        string,
      ];
      parts = [platform, version, label, Number(number)];
      this.osParts.set(id, parts);
    }
    return { platform: parts[0], version: parts[1], label: parts[2], number: parts[3] };
  }
}

/** Decode a chunk result from another thread; `dict` holds the sender's dictionary (its `added` appended first). */
export function decodeChunk(wire: ChunkWire, dict: readonly string[], file: string): ChunkResult {
  const r = new WireReader(wire, dict);
  const events: ChunkEvent[] = [];
  while (r.more) {
    const kind = r.num();
    const at = r.num();
    const line = r.num();
    if ((kind & HEADER) !== 0) {
      const header: Extract<ChunkEvent, { kind: 'header' }> = { kind: 'header', at, line };
      if ((kind & HEADER_FORUM) !== 0) {
        const name = r.text();
        header.forum = { name, kind: r.text() as Forum['kind'] };
      }
      if ((kind & HEADER_ACTIVITY) !== 0) header.lastColumn = 'Activity';
      if ((kind & HEADER_CREATED) !== 0) header.lastColumn = 'Created';
      events.push(header);
      continue;
    }
    if ((kind & 3) === REJECT || kind === SKIP) {
      const reason = r.text();
      events.push(
        kind === SKIP
          ? { kind: 'skip', at, line, reason }
          : { kind: 'reject', at, line, reason, relabel: (kind & RELABEL) !== 0 },
      );
      continue;
    }
    const replies = r.num();
    const boosts = r.num();
    const views = r.num();
    const month = r.num();
    const activity = month === NO_ACTIVITY ? null : dict[month]!;
    const createdMonth = r.num();
    const created = createdMonth === NO_ACTIVITY ? null : dict[createdMonth]!;
    const forumCount = r.num();
    const forums = forumCount === 0 ? NO_FORUMS : new Array<Forum>(forumCount);
    for (let i = 0; i < forumCount; i++) {
      const [forumKind, name] = r.value().split('\0') as [Forum['kind'], string];
      forums[i] = { name, kind: forumKind };
    }
    const title = r.text();
    const body = r.text();
    const id = r.text();
    const slug = r.text();
    const threadId = r.text() || null;
    const source = { file, line };
    if (kind === REPEAT) {
      events.push({
        kind: 'repeat',
        at,
        post: { title, body, replies, boosts, views, activity, created, forums, source, threadId, id, slug },
      });
      continue;
    }
    const topics = r.list();
    const apiClasses = r.list();
    const osVersions = r.list();
    const os = new Array<OsVersion>(r.num());
    for (let i = 0; i < os.length; i++) os[i] = r.os();
    const errorCodes = r.list();
    const errorCodeVariants = r.list();
    const feedbackIds = new Array<string>(r.num());
    for (let i = 0; i < feedbackIds.length; i++) feedbackIds[i] = r.text();
    // Property by property, in Post's key order.
    const post: Post = {
      title,
      body,
      replies,
      boosts,
      views,
      activity,
      created,
      forums,
      source,
      threadId,
      id,
      slug,
      topics,
      apiClasses,
      osVersions,
      os,
      errorCodes,
      errorCodeVariants,
      feedbackIds,
    };
    events.push({ kind: 'post', at, post });
  }
  return { ...wire.seams, events };
}
