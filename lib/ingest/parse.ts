import { decodeHTMLStrict } from 'entities';
import type { Forum } from '../posts/schema';
import { parseActivity } from './activity';
import { parseCount } from './counts';
import { isWhiteSpace } from '../text/char-classes';
import { readTitleLink, threadIdOfUrl } from './thread-link';

/** A forum listing a post was seen under: a tag, a subtopic, a topic or an event page. */
export type ForumRef = Forum;

/** No forums: one frozen empty list shared by every record and post that names none (most of them). */
export const NO_FORUMS = Object.freeze([]) as readonly ForumRef[] as ForumRef[];

/** A record as read from a dump, fields decoded, not yet validated. */
export type ParsedRecord = {
  title: string;
  body: string;
  replies: number;
  boosts: number;
  views: number;
  /** The month of the page's last column: activity, or on a page whose last column is `Created`, creation. */
  activity: string | null;
  /** Null here: which month a listing's last column gives is known from its header (see `attributePage`). */
  created: string | null;
  /** The listings a `Topic: … SubTopic: …` line after the body names (the page's own forum is a header event's). */
  forums: ForumRef[];
  source: { file: string; line: number };
  /** The forum thread's id, from a markdown-link title or a thread URL line after the title; else null. */
  threadId: string | null;
};

/**
 * What the parser emits: a record, a rejection with its reason (every record start yields exactly one of the
 * two), a stray line outside any record (`skip`), or a line of a page's header or banner (`header`, counted
 * apart, never a record).
 */
export type ParseEvent =
  | { kind: 'record'; record: ParsedRecord }
  | { kind: 'reject'; file: string; line: number; reason: string; title?: string }
  | { kind: 'skip'; file: string; line: number; reason: string }
  | { kind: 'header'; file: string; line: number; forum?: ForumRef; lastColumn?: 'Activity' | 'Created' };

/** A forum thread URL line read right after a pending line: its thread id, line and text. */
type UrlLine = { threadId: string; line: number; text: string };

/** A line of free text not yet known to be a title, a body or header text, and the thread URL line after it. */
type Pending = { text: string; line: number; url?: UrlLine };

/** The record being read: its title and body, the values read so far, and its layout. */
type OpenRecord = {
  title: string;
  line: number;
  body: string;
  counts: number[];
  layout?: 'compact' | 'labelled';
  /** In the labelled layout: the next line must be the label of the next value. */
  labelPending?: boolean;
  /** From a `Topic: … SubTopic: …` line after the body. */
  forums: ForumRef[];
  /** From a thread URL line after the title. */
  urlThreadId: string | null;
};

const LABELS = ['Replies', 'Boosts', 'Views', 'Activity'] as const;
const LAST_COLUMNS = new Set(['Activity', 'Created']);
/** The column names of a listing, in order (the last one is `Activity` or `Created`). */
const COLUMN_NAMES = ['Post', 'Replies', 'Boosts', 'Views', 'Activity'];
const NULL_ACTIVITY = new Set(['-', '—', '–']);
/** Longer than any count, label or activity the forum writes (`2025-05-01T12:00:00.000Z`, `1,234,567`). */
const MAX_VALUE_LENGTH = 32;
/** `Posts under Network Extension tag`, `… subtopic`, `… topic`, `… event`: names the capture's forum. */
const POSTS_UNDER = /^Posts under (.+) (tag|subtopic|topic|event)$/;
/** Header lines of any listing page, each on its own line. */
const HEADER_LINE =
  /^(?:RSS for tag|All subtopics|[\d,.]+[kK]? Posts?|Sort by:?.*|JUST ENDED|LIVE|UPCOMING|\||Thanks for being a part of .+!)$/;
/** A `Topic: Safari & Web SubTopic: General` line between a body and its counts. */
const TOPIC_LINE = /^Topic: (.+?)(?: SubTopic: (.+))?$/;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * What `/\s\s|[\t\n\r\f\v\u00a0\u2028\u2029]/.test(text)` says. In ASCII text (nearly all of it) the only
 * white space is ` \t\n\v\f\r`, so a few native `includes` answer it, several times faster than a scan in
 * JavaScript; other text is scanned char by char.
 */
function needsFolding(text: string): boolean {
  if (NON_ASCII.test(text)) return scanNeedsFolding(text);
  return (
    text.includes('  ') ||
    text.includes('\t') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text.includes('\f') ||
    text.includes('\v')
  );
}

/** needsFolding by one scan of char codes. */
function scanNeedsFolding(text: string): boolean {
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 127) {
      afterSpace = false;
    } else if (c === 32) {
      if (afterSpace) return true;
      afterSpace = true;
    } else if (!isWhiteSpace(c)) {
      afterSpace = false;
    } else {
      if (afterSpace || c <= 13 || c === 0xa0 || c === 0x2028 || c === 0x2029) return true;
      afterSpace = true;
    }
  }
  return false;
}

/** Decode HTML entities (strict: only well-formed `&name;` forms) and collapse white space. */
export function cleanText(text: string): string {
  const decoded = text.includes('&') ? decodeHTMLStrict(text) : text;
  return needsFolding(decoded) ? decoded.replace(/\s+/g, ' ').trim() : decoded.trim();
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * A streaming parser for forum dumps: feed it lines with `push`, then call `end`.
 * It reads the header of every kind of listing page (tag, subtopic, topic and event pages; a banner first; a
 * `Sort by:` line; the column names with `Activity` or `Created` last; a capture starting anywhere in the
 * header), the compact layout (title, body, replies, boosts, views, activity) and the labelled layout
 * (title, body, `Replies` N, `Boosts` N, `Views` N, `Activity` X), in any mix, an optional
 * `Topic: … SubTopic: …` line after a body, and resynchronises after a damaged record. Free text is held back
 * until what follows tells what it is: a title and a body are the two lines before a record's first value;
 * lines before a header line are header text. Every record start yields exactly one `record` or `reject`.
 */
export class DumpParser {
  private current: OpenRecord | undefined;
  private pending: Pending[] = [];
  /** The next free-text line is header text (the description after `RSS for tag`, an event's name). */
  private headerText = 0;
  /** The header text expected names an event (the line after an event banner's `|`). */
  private eventName = false;
  /** Inside a page's header (from its first header line to its column names): free text there is header. */
  private inHeader = false;
  /** How much of the column names row was read: `Post`, `Replies`, `Boosts`, `Views`. */
  private columns = 0;
  /** A `Topic: …` line read after the two pending lines (the title and body of the record to come). */
  private topicForums: ForumRef[] = NO_FORUMS;
  private lastLine = 0;

  constructor(
    private readonly file: string,
    private readonly asOf: Date,
  ) {}

  /** Feed one line (without its line ending) with its 1-based line number. */
  push(rawLine: string, lineNo: number): ParseEvent[] {
    this.lastLine = lineNo;
    const line = rawLine.trim();
    if (line === '') return [];
    const events: ParseEvent[] = [];
    this.feed(line, lineNo, events);
    return events;
  }

  /** Signal the end of the file: a record still open is reported as cut off. */
  end(): ParseEvent[] {
    const events: ParseEvent[] = [];
    const open = this.current;
    if (open)
      events.push(
        this.reject(open.title, open.line, `record cut off at end of file (${this.missing(open)})`),
      );
    else if (this.inHeader || this.columns > 0) this.flushPending(events, true);
    else if (this.pending.length >= 2) {
      const title = this.pending.at(-2)!;
      this.flushPending(events, false, 2);
      events.push(this.reject(title.text, title.line, 'record cut off at end of file (no counts)'));
    } else if (this.pending.length === 1) {
      const [title] = this.pending as [Pending];
      events.push(this.reject(title.text, title.line, 'record cut off at end of file (no body)'));
    }
    this.reset();
    return events;
  }

  private reset(): void {
    this.current = undefined;
    this.pending = [];
    this.headerText = 0;
    this.eventName = false;
    this.inHeader = false;
    this.columns = 0;
    this.topicForums = NO_FORUMS;
  }

  private feed(line: string, lineNo: number, events: ParseEvent[]): void {
    if (this.current) {
      if (this.acceptValue(this.current, line)) {
        if (this.current.counts.length === 4) this.finish(this.current, events);
        return;
      }
      // Not the value the layout needs: the record is damaged. Reject it and read this line afresh.
      const open = this.current;
      events.push(
        this.reject(
          open.title,
          open.line,
          `expected ${this.expected(open)}, found "${short(line)}" at line ${lineNo}`,
        ),
      );
      this.current = undefined;
    }
    if (this.columnLine(line, lineNo, events)) return;
    if (this.headerLine(line, lineNo, events)) return;
    if (this.isValue(line)) {
      this.startRecord(line, lineNo, events);
      return;
    }
    const topic = this.pending.length >= 2 && this.topicForums.length === 0 ? TOPIC_LINE.exec(line) : null;
    if (topic) {
      this.topicForums = [
        { name: topic[1]!.trim(), kind: 'topic' },
        ...(topic[2] ? [{ name: topic[2].trim(), kind: 'subtopic' as const }] : []),
      ];
      return;
    }
    if (this.headerText > 0) {
      this.headerText--;
      if (this.eventName) {
        this.eventName = false;
        events.push({ kind: 'header', file: this.file, line: lineNo, forum: { name: line, kind: 'event' } });
      } else events.push({ kind: 'header', file: this.file, line: lineNo });
      return;
    }
    if (this.topicForums.length > 0) {
      // Free text after a Topic line: the two lines before it were no record's title and body.
      this.topicForums = NO_FORUMS;
      this.flushPending(events, this.inHeader);
    }
    if (this.takeUrlLine(line, lineNo)) return;
    this.pending.push({ text: line, line: lineNo });
    if (this.pending.length > 2) {
      // Three lines of free text: the first two were no record (its values are lost) unless header text.
      if (this.inHeader) this.flushPending(events, true, 2);
      else {
        // The title and body of a record whose values were lost: one rejection, at its title.
        const [title] = this.pending.splice(0, 2) as [Pending];
        events.push(
          this.reject(
            title.text,
            title.line,
            `expected the replies count or "Replies" after the body, found "${short(line)}" at line ${lineNo}`,
          ),
        );
      }
    }
  }

  /**
   * A forum thread URL line right after a held-back line (see thread-link.ts): held with that line, which may be a
   * title, so it is never counted as a line of its own; true when taken. Anything else is free text as before.
   */
  private takeUrlLine(line: string, lineNo: number): boolean {
    const last = this.pending.at(-1);
    if (last === undefined || last.url !== undefined) return false;
    const threadId = threadIdOfUrl(line);
    if (threadId === null) return false;
    last.url = { threadId, line: lineNo, text: line };
    return true;
  }

  /** The lines held back, but the last `keep`, as header text (or, outside a header, stray lines). */
  private flushPending(events: ParseEvent[], header: boolean, keep = 0): void {
    const gone = this.pending.splice(0, Math.max(0, this.pending.length - keep));
    for (const p of gone) {
      this.flushLine(events, header, p.line, p.text);
      if (p.url) this.flushLine(events, header, p.url.line, p.url.text);
    }
  }

  private flushLine(events: ParseEvent[], header: boolean, line: number, text: string): void {
    if (header) events.push({ kind: 'header', file: this.file, line });
    else
      events.push({
        kind: 'skip',
        file: this.file,
        line,
        reason: `stray line "${short(text)}" outside any record`,
      });
  }

  /**
   * The column names row (`Post`, `Replies`, `Boosts`, `Views`, `Activity`|`Created`); true when `line` is part of
   * it. A name may be missing (a lost line): any later name goes on with the row.
   */
  private columnLine(line: string, lineNo: number, events: ParseEvent[]): boolean {
    const index = COLUMN_NAMES.indexOf(line === 'Created' ? 'Activity' : line);
    if (index < 1) {
      this.columns = 0;
      return false;
    }
    if (this.columns === 0) {
      // `Post`, then a later column name: the column names, not a record titled Post (a record has a body first).
      if (this.pending.at(-1)?.text !== 'Post') return false;
      const post = this.pending.pop()!;
      this.flushPending(events, true);
      events.push({ kind: 'header', file: this.file, line: post.line });
      this.inHeader = true;
    } else if (index <= this.columns) {
      this.columns = 0;
      return false;
    }
    this.columns = index;
    if (index < COLUMN_NAMES.length - 1) {
      events.push({ kind: 'header', file: this.file, line: lineNo });
      return true;
    }
    events.push({
      kind: 'header',
      file: this.file,
      line: lineNo,
      lastColumn: line as 'Activity' | 'Created',
    });
    this.columns = 0;
    this.inHeader = false;
    return true;
  }

  /** A header or banner line of any listing page; true when `line` is one (the held-back lines were header text). */
  private headerLine(line: string, lineNo: number, events: ParseEvent[]): boolean {
    const under = POSTS_UNDER.exec(line);
    if (!under && !HEADER_LINE.test(line) && !(this.inHeader && line.endsWith(' Documentation')))
      return false;
    let forum: ForumRef | undefined;
    if (under) forum = { name: under[1]!, kind: under[2] as ForumRef['kind'] };
    if (line === 'RSS for tag') {
      // The line before names the tag or subtopic; the line after is its description.
      const named = this.pending.at(-1);
      if (named && !this.inHeader) forum = { name: named.text, kind: 'tag' };
      this.headerText = 1;
    } else if (line === '|') {
      this.headerText = 1;
      this.eventName = true;
    }
    this.flushPending(events, true);
    this.topicForums = NO_FORUMS;
    this.inHeader = true;
    events.push(
      forum
        ? { kind: 'header', file: this.file, line: lineNo, forum }
        : { kind: 'header', file: this.file, line: lineNo },
    );
    return true;
  }

  /** A count, a label or an activity: the values of a record (all short: a body is never parsed as one). */
  private isValue(line: string): boolean {
    if (line.length > MAX_VALUE_LENGTH) return false;
    return (
      parseCount(line) !== null ||
      LABELS.includes(line as (typeof LABELS)[number]) ||
      NULL_ACTIVITY.has(line) ||
      parseActivity(line, this.asOf) !== undefined
    );
  }

  /**
   * A value with no record open: the two lines held back are the record's title and body (earlier ones were
   * header text or stray). With fewer, the record lost its title or body: it is rejected, or, with nothing held
   * back, the value is a stray line of a damaged record, so one lost line costs one record.
   */
  private startRecord(line: string, lineNo: number, events: ParseEvent[]): void {
    const only = this.pending.length === 1 ? this.pending[0]! : undefined;
    if (only?.url) {
      // A title and a thread URL line alone: the URL line is the body, as it was before thread links were read.
      this.pending = [
        { text: only.text, line: only.line },
        { text: only.url.text, line: only.url.line },
      ];
    }
    if (this.pending.length >= 2) {
      this.flushPending(events, this.inHeader, 2);
      const [title, body] = this.pending as [Pending, Pending];
      this.pending = [];
      this.inHeader = false;
      this.headerText = 0;
      this.eventName = false;
      const forums = this.topicForums;
      this.topicForums = NO_FORUMS;
      if (body.url) {
        events.push(
          this.reject(
            title.text,
            title.line,
            `thread URL line "${short(body.url.text)}" after the body (it belongs right after the title), before "${short(line)}" at line ${lineNo}`,
          ),
        );
        return;
      }
      const open: OpenRecord = {
        title: title.text,
        line: title.line,
        body: body.text,
        counts: [],
        forums,
        urlThreadId: title.url?.threadId ?? null,
      };
      if (this.acceptValue(open, line)) {
        this.current = open;
        return;
      }
      events.push(
        this.reject(
          open.title,
          open.line,
          `expected ${this.expected(open)}, found "${short(line)}" at line ${lineNo}`,
        ),
      );
      return;
    }
    if (this.pending.length === 1) {
      const [title] = this.pending as [Pending];
      this.pending = [];
      events.push(this.reject(title.text, title.line, `no body before "${short(line)}" at line ${lineNo}`));
      return;
    }
    events.push({
      kind: 'skip',
      file: this.file,
      line: lineNo,
      reason: `stray value "${short(line)}" outside any record`,
    });
  }

  /** Take the next value of the record's layout; false when the line does not fit. */
  private acceptValue(open: OpenRecord, line: string): boolean {
    if (!open.layout) {
      open.layout = line === 'Replies' ? 'labelled' : 'compact';
      if (open.layout === 'labelled') return true;
    } else if (open.layout === 'labelled' && open.labelPending) {
      if (line !== LABELS[open.counts.length] && !(open.counts.length === 3 && LAST_COLUMNS.has(line)))
        return false;
      open.labelPending = false;
      return true;
    }
    const value = this.parseValue(open.counts.length, line);
    if (value === undefined) {
      if (open.counts.length === 0 && open.layout === 'compact') open.layout = undefined;
      return false;
    }
    open.counts.push(value);
    open.labelPending = open.layout === 'labelled';
    return true;
  }

  /** Value `index` of a record: three counts, then the date as a `YYYYMM` number (-1 when unknown). */
  private parseValue(index: number, line: string): number | undefined {
    if (index < 3) return parseCount(line) ?? undefined;
    if (NULL_ACTIVITY.has(line)) return -1;
    const activity = parseActivity(line, this.asOf);
    return activity === undefined ? undefined : Number(activity.replace('-', ''));
  }

  private finish(open: OpenRecord, events: ParseEvent[]): void {
    this.current = undefined;
    const [replies, boosts, views, dateKey] = open.counts as [number, number, number, number];
    const date = dateKey < 0 ? null : `${String(dateKey).slice(0, 4)}-${String(dateKey).slice(4)}`;
    // The title's own link first; a URL line after it only when the title links nowhere on the forum (so with
    // both, and different ids, the title's wins).
    const title = readTitleLink(open.title);
    events.push({
      kind: 'record',
      record: {
        title: cleanText(title.title),
        body: cleanText(open.body),
        replies,
        boosts,
        views,
        activity: date,
        created: null,
        forums: open.forums,
        source: { file: this.file, line: open.line },
        threadId: title.threadId ?? open.urlThreadId,
      },
    });
  }

  private expected(open: OpenRecord): string {
    if (!open.layout) return 'the replies count or "Replies" after the body';
    const index = open.counts.length;
    const name =
      ['replies count', 'boosts count', 'views count', 'activity (e.g. May ’25 or 3d)'][index] ?? 'a value';
    if (open.layout === 'labelled' && open.labelPending) {
      return index === 3 ? '"Activity" or "Created"' : `"${LABELS[index]}"`;
    }
    return `the ${name}`;
  }

  private missing(open: OpenRecord): string {
    if (!open.layout) return 'no counts';
    return `missing ${['replies', 'boosts', 'views', 'activity'].slice(open.counts.length).join(', ')}`;
  }

  private reject(title: string, line: number, reason: string): ParseEvent {
    return { kind: 'reject', file: this.file, line, reason, title: cleanText(readTitleLink(title).title) };
  }

  /**
   * True between records: no record open, no line held back, no header being read. A parser in this state
   * behaves exactly as a new one, so a fresh parser started on the next line gives the same events from there on.
   */
  get idle(): boolean {
    return (
      this.current === undefined &&
      this.pending.length === 0 &&
      !this.inHeader &&
      this.headerText === 0 &&
      this.columns === 0 &&
      this.topicForums.length === 0
    );
  }

  /** The last line number seen (for messages). */
  get line(): number {
    return this.lastLine;
  }
}

/** Parse a whole dump held in memory (tests and small inputs); the streaming path uses DumpParser directly. */
export function parseDumpText(text: string, file: string, asOf: Date): ParseEvent[] {
  const parser = new DumpParser(file, asOf);
  const events: ParseEvent[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, i) => events.push(...parser.push(line, i + 1)));
  events.push(...parser.end());
  return events;
}
