import type { Forum, OsVersion, Post } from '../posts/schema';
import type { ChunkEvent, ChunkResult, ChunkSeams } from './chunk-parse';

/**
 * A chunk result as it crosses threads: numbers in one transferred Float64Array, the texts of its posts and
 * messages in one string array, and the short values that repeat from post to post (topics, API classes, OS
 * versions, error codes, activity months) as numbers into a dictionary that each worker grows and sends only the new
 * entries of. Cloning thousands of small objects (each key written out by name) cost the receiving thread more
 * than building the same posts from this. `decodeChunk(encodeChunk(r))` equals `r`.
 */
export type ChunkWire = {
  seams: ChunkSeams;
  /** The events' numbers, in order. */
  nums: Float64Array;
  texts: string[];
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

/** OS versions as one dictionary value each: platform, version, label and number joined by NUL. */
function osKey(os: OsVersion): string {
  return `${os.platform}\0${os.version}\0${os.label}\0${os.number}`;
}

/** Encodes a chunk's events one by one as they come (see ChunkWire), so the posts themselves die young. */
export class ChunkEncoder {
  private nums: number[] = [];
  private texts: string[] = [];

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
      if (event.forum) texts.push(event.forum.name, event.forum.kind);
      return;
    }
    if (event.kind === 'reject' || event.kind === 'skip') {
      nums.push(
        event.kind === 'skip' ? SKIP : event.relabel ? REJECT | RELABEL : REJECT,
        event.at,
        event.line,
      );
      texts.push(event.reason);
      return;
    }
    const p = event.post;
    nums.push(event.kind === 'post' ? POST : REPEAT, event.at, p.source.line, p.replies, p.boosts, p.views);
    nums.push(p.activity === null ? NO_ACTIVITY : dict.id(p.activity));
    nums.push(p.created === null ? NO_ACTIVITY : dict.id(p.created));
    nums.push(p.forums.length);
    for (const f of p.forums) nums.push(dict.id(`${f.kind}\0${f.name}`));
    // No thread id as '' (an id is digits, never empty).
    texts.push(p.title, p.body, p.id, p.slug, p.threadId ?? '');
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
    for (const id of post.feedbackIds) texts.push(id);
  }

  /** The message for the events added, with the chunk's seams; the encoder starts afresh. */
  finish(seams: ChunkSeams): ChunkWire {
    const wire = {
      seams,
      nums: Float64Array.from(this.nums),
      texts: this.texts,
      added: this.dict.takeAdded(),
    };
    this.nums = [];
    this.texts = [];
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

/** Decode a chunk result from another thread; `dict` holds the sender's dictionary (its `added` appended first). */
export function decodeChunk(wire: ChunkWire, dict: readonly string[], file: string): ChunkResult {
  const { nums, texts } = wire;
  let n = 0;
  let t = 0;
  const num = () => nums[n++]!;
  const list = (): string[] => {
    const length = num();
    const out = new Array<string>(length);
    for (let i = 0; i < length; i++) out[i] = dict[num()]!;
    return out;
  };
  const events: ChunkEvent[] = [];
  while (n < nums.length) {
    const kind = num();
    const at = num();
    const line = num();
    if ((kind & HEADER) !== 0) {
      const header: Extract<ChunkEvent, { kind: 'header' }> = { kind: 'header', at, line };
      if ((kind & HEADER_FORUM) !== 0) {
        const name = texts[t++]!;
        header.forum = { name, kind: texts[t++] as Forum['kind'] };
      }
      if ((kind & HEADER_ACTIVITY) !== 0) header.lastColumn = 'Activity';
      if ((kind & HEADER_CREATED) !== 0) header.lastColumn = 'Created';
      events.push(header);
      continue;
    }
    if ((kind & 3) === REJECT || kind === SKIP) {
      const reason = texts[t++]!;
      events.push(
        kind === SKIP
          ? { kind: 'skip', at, line, reason }
          : { kind: 'reject', at, line, reason, relabel: (kind & RELABEL) !== 0 },
      );
      continue;
    }
    const replies = num();
    const boosts = num();
    const views = num();
    const month = num();
    const activity = month === NO_ACTIVITY ? null : dict[month]!;
    const createdMonth = num();
    const created = createdMonth === NO_ACTIVITY ? null : dict[createdMonth]!;
    const forums = new Array<Forum>(num());
    for (let i = 0; i < forums.length; i++) {
      const [forumKind, name] = dict[num()]!.split('\0') as [Forum['kind'], string];
      forums[i] = { name, kind: forumKind };
    }
    const title = texts[t++]!;
    const body = texts[t++]!;
    const id = texts[t++]!;
    const slug = texts[t++]!;
    const threadId = texts[t++]! || null;
    const source = { file, line };
    if (kind === REPEAT) {
      events.push({
        kind: 'repeat',
        at,
        post: { title, body, replies, boosts, views, activity, created, forums, source, threadId, id, slug },
      });
      continue;
    }
    const topics = list();
    const apiClasses = list();
    const osVersions = list();
    const os = new Array<OsVersion>(num());
    for (let i = 0; i < os.length; i++) {
      const [platform, version, label, number] = dict[num()]!.split('\0') as [
        OsVersion['platform'],
        string,
        string,
        string,
      ];
      os[i] = { platform, version, label, number: Number(number) };
    }
    const errorCodes = list();
    const errorCodeVariants = list();
    const feedbackIds = new Array<string>(num());
    for (let i = 0; i < feedbackIds.length; i++) feedbackIds[i] = texts[t++]!;
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
