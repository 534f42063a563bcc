import { decodeHTMLStrict } from 'entities';
import { parseActivity } from './activity';
import { parseCount } from './counts';
import { isWhiteSpace } from '../text/char-classes';

/** A record as read from a dump, fields decoded, not yet validated. */
export type ParsedRecord = {
  title: string;
  body: string;
  replies: number;
  boosts: number;
  views: number;
  activity: string | null;
  source: { file: string; line: number };
};

/** What the parser emits for each record start it reads: a record, or a rejection with its reason. */
export type ParseEvent =
  | { kind: 'record'; record: ParsedRecord }
  | { kind: 'reject'; file: string; line: number; reason: string; title?: string }
  | { kind: 'skip'; file: string; line: number; reason: string };

/** The record being read: what its lines gave so far. */
type OpenRecord = {
  title: string;
  line: number;
  body?: string;
  counts: number[];
  layout?: 'compact' | 'labelled';
  /** In the labelled layout: the next line must be the label of the next value. */
  labelPending?: boolean;
};

const LABELS = ['Replies', 'Boosts', 'Views', 'Activity'] as const;
const COLUMN_HEADINGS = new Set(['Post', ...LABELS]);
const NULL_ACTIVITY = new Set(['-', '—', '–']);

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
 * It recognises the header (tag, "RSS for tag", description, "Posts under … tag", "N Posts", column names),
 * the compact layout (title, body, replies, boosts, views, activity) and the labelled layout
 * (title, body, `Replies` N, `Boosts` N, `Views` N, `Activity` X), in any mix, and resynchronises after
 * a damaged record. Every record start yields exactly one `record` or `reject` event.
 */
export class DumpParser {
  private current: OpenRecord | undefined;
  private header: 'none' | 'description' | 'after-description' = 'none';
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
    const open = this.current;
    this.current = undefined;
    this.header = 'none';
    if (!open) return [];
    if (open.body === undefined && open.title === 'RSS for tag') return [];
    return [this.reject(open, `record cut off at end of file (${this.missing(open)})`)];
  }

  private feed(line: string, lineNo: number, events: ParseEvent[]): void {
    if (this.header !== 'none' && this.skipHeaderLine(line)) return;
    const open = this.current;
    if (!open) {
      this.startRecord(line, lineNo, events);
      return;
    }
    if (open.body === undefined) {
      if (line === 'RSS for tag') {
        // The "title" was a tag name: a header starts here.
        this.current = undefined;
        this.header = 'description';
        return;
      }
      if (open.title === 'Post' && line === 'Replies') {
        this.current = undefined;
        this.header = 'after-description';
        this.skipHeaderLine('Replies');
        return;
      }
      open.body = line;
      return;
    }
    if (this.acceptValue(open, line)) {
      if (open.counts.length === 4) this.finish(open, events);
      return;
    }
    // Not the value the layout needs: the record is damaged. Reject it and read this line afresh.
    events.push(
      this.reject(open, `expected ${this.expected(open)}, found "${short(line)}" at line ${lineNo}`),
    );
    this.current = undefined;
    this.startRecord(line, lineNo, events);
  }

  /** Consume a header line if it is one; returns false (and leaves header mode) otherwise. */
  private skipHeaderLine(line: string): boolean {
    if (this.header === 'description') {
      this.header = 'after-description';
      return true;
    }
    if (
      /^Posts under .+ tag$/.test(line) ||
      /^[\d,.]+[kK]? Posts?$/.test(line) ||
      COLUMN_HEADINGS.has(line)
    ) {
      if (line === 'Activity') this.header = 'none';
      return true;
    }
    this.header = 'none';
    return false;
  }

  /**
   * Start a record at `line`, unless it is a count, a label or an activity: those belong to a damaged record
   * (one whose line went missing) and are skipped, so the next title starts the next record and one lost line
   * costs one record, not every record after it.
   */
  private startRecord(line: string, lineNo: number, events: ParseEvent[]): void {
    if (
      parseCount(line) !== null ||
      LABELS.includes(line as (typeof LABELS)[number]) ||
      NULL_ACTIVITY.has(line) ||
      parseActivity(line, this.asOf) !== undefined
    ) {
      events.push({
        kind: 'skip',
        file: this.file,
        line: lineNo,
        reason: `stray value "${short(line)}" outside any record`,
      });
      return;
    }
    this.current = { title: line, line: lineNo, counts: [] };
  }

  /** Take the next value of the record's layout; false when the line does not fit. */
  private acceptValue(open: OpenRecord, line: string): boolean {
    if (!open.layout) {
      open.layout = line === 'Replies' ? 'labelled' : 'compact';
      if (open.layout === 'labelled') return true;
    } else if (open.layout === 'labelled' && open.labelPending) {
      if (line !== LABELS[open.counts.length]) return false;
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

  /** Value `index` of a record: three counts, then the activity as a `YYYYMM` number (-1 when unknown). */
  private parseValue(index: number, line: string): number | undefined {
    if (index < 3) return parseCount(line) ?? undefined;
    if (NULL_ACTIVITY.has(line)) return -1;
    const activity = parseActivity(line, this.asOf);
    return activity === undefined ? undefined : Number(activity.replace('-', ''));
  }

  private finish(open: OpenRecord, events: ParseEvent[]): void {
    this.current = undefined;
    const [replies, boosts, views, activityKey] = open.counts as [number, number, number, number];
    const activity =
      activityKey < 0 ? null : `${String(activityKey).slice(0, 4)}-${String(activityKey).slice(4)}`;
    events.push({
      kind: 'record',
      record: {
        title: cleanText(open.title),
        body: cleanText(open.body ?? ''),
        replies,
        boosts,
        views,
        activity,
        source: { file: this.file, line: open.line },
      },
    });
  }

  private expected(open: OpenRecord): string {
    if (!open.layout) return 'the replies count or "Replies" after the body';
    const index = open.counts.length;
    const name =
      ['replies count', 'boosts count', 'views count', 'activity (e.g. May ’25 or 3d)'][index] ?? 'a value';
    if (open.layout === 'labelled' && open.labelPending) {
      return `"${LABELS[index]}"`;
    }
    return `the ${name}`;
  }

  private missing(open: OpenRecord): string {
    if (open.body === undefined) return 'no body';
    if (!open.layout) return 'no counts';
    return `missing ${['replies', 'boosts', 'views', 'activity'].slice(open.counts.length).join(', ')}`;
  }

  private reject(open: OpenRecord, reason: string): ParseEvent {
    return { kind: 'reject', file: this.file, line: open.line, reason, title: cleanText(open.title) };
  }

  /**
   * True between records: no record open and no header being read. A parser in this state behaves exactly as a
   * new one, so a fresh parser started on the next line gives the same events from there on.
   */
  get idle(): boolean {
    return this.current === undefined && this.header === 'none';
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
