import { indentation } from './indentation';
import type { CodeRun, RunSearch } from './segment';
import { xmlTags, type XmlLayout, type XmlTag } from './xml-tags';

const INDENT = '  ';
/**
 * How many comments and doctypes may stand between an `<?xml …?>` (or a doctype) and its root element, or
 * comments between a `<dict>` and its first `<key>`: a bounded look ahead from each start.
 */
const MAX_PROLOG = 8;

/**
 * The tags of one layout in the stretch, read once, and what one pass over them with a stack of open elements
 * knows of each: the close that matches an open tag (-1 when none does: a close of another name on the way
 * makes every open element unmatched), whether it holds no element (a leaf, laid out on one line), whether it
 * or an element inside it mixes text with elements (not a property list), and whether only white space stands
 * before each tag since the one before it.
 */
type TagReading = {
  tags: XmlTag[];
  match: Int32Array;
  leaf: Uint8Array;
  mixed: Uint8Array;
  blankBefore: Uint8Array;
};

function readTags(text: string, from: number, to: number, layout: XmlLayout): TagReading {
  const tags = [...xmlTags(text, from, to, layout)];
  const match = new Int32Array(tags.length).fill(-1);
  const leaf = new Uint8Array(tags.length);
  const mixed = new Uint8Array(tags.length);
  const blankBefore = new Uint8Array(tags.length);
  let stack: { at: number; name: string; child: boolean; text: boolean; mixed: boolean }[] = [];
  let after = from;
  tags.forEach((tag, i) => {
    const blank = !/\S/.test(text.slice(after, tag.start));
    blankBefore[i] = blank ? 1 : 0;
    after = tag.end;
    const top = stack.at(-1);
    if (top && !blank) top.text = true;
    if (tag.kind === 'open' || tag.kind === 'empty') {
      if (top) top.child = true;
      if (tag.kind === 'open') stack.push({ at: i, name: tag.name, child: false, text: false, mixed: false });
    } else if (tag.kind === 'doctype') {
      if (top) top.mixed = true;
    } else if (tag.kind === 'close') {
      if (!top || top.name !== tag.name) {
        stack = [];
        return;
      }
      stack.pop();
      match[top.at] = i;
      leaf[top.at] = top.child ? 0 : 1;
      const isMixed = top.mixed || (top.child && top.text);
      mixed[top.at] = isMixed ? 1 : 0;
      const parent = stack.at(-1);
      if (parent && isMixed) parent.mixed = true;
    }
  });
  return { tags, match, leaf, mixed, blankBefore };
}

/** The root element a run starting at tag `i` lays out, or -1: see plistRuns. */
function rootOf(reading: TagReading, i: number): number {
  const { tags, blankBefore } = reading;
  const tag = tags[i]!;
  const next = (j: number) => (j < tags.length && blankBefore[j] ? tags[j]! : null);
  if (tag.kind === 'open') {
    if (tag.name === 'plist') return i;
    if (tag.name !== 'dict') return -1;
    // The first element in the dict (comments before it skipped) is a key.
    for (let j = i + 1; j <= i + MAX_PROLOG; j++) {
      const t = next(j);
      if (t?.kind !== 'comment') return t?.kind === 'open' && t.name === 'key' ? i : -1;
    }
    return -1;
  }
  const declaration = tag.kind === 'declaration' && tag.name === 'xml';
  if (!declaration && !(tag.kind === 'doctype' && tag.name === 'plist')) return -1;
  let doctype = tag.kind === 'doctype' ? tag.name : '';
  for (let j = i + 1; j <= i + MAX_PROLOG; j++) {
    const t = next(j);
    if (!t) return -1;
    if (t.kind === 'open') return doctype && t.name !== doctype ? -1 : j;
    if (t.kind === 'doctype' && !doctype) doctype = t.name;
    else if (t.kind !== 'comment') return -1;
  }
  return -1;
}

/** One line a tag (a leaf element with its content), `depth` levels deep, white space runs made one space. */
function xmlLines(text: string, reading: TagReading, first: number, last: number): string[] {
  const { tags, match, leaf } = reading;
  const lines: string[] = [];
  let depth = 0;
  const line = (from: number, to: number) =>
    lines.push(indentation(INDENT, depth) + text.slice(from, to).trim().replace(/\s+/g, ' '));
  for (let i = first; i <= last; i++) {
    const tag = tags[i]!;
    if (tag.kind === 'open' && leaf[i]) {
      line(tag.start, tags[match[i]!]!.end);
      i = match[i]!;
    } else if (tag.kind === 'open') {
      line(tag.start, tag.end);
      depth++;
    } else if (tag.kind === 'close') {
      depth--;
      line(tag.start, tag.end);
    } else line(tag.start, tag.end);
  }
  return lines;
}

/** The first run of one layout's reading from tag `next` on that starts at `at` or after it. */
function nextRun(text: string, reading: TagReading, cursor: { next: number }, at: number): CodeRun | null {
  const { tags, match, mixed } = reading;
  while (cursor.next < tags.length && tags[cursor.next]!.start < at) cursor.next++;
  for (; cursor.next < tags.length; cursor.next++) {
    const i = cursor.next;
    const root = rootOf(reading, i);
    if (root < 0 || match[root]! < 0 || mixed[root]) continue;
    const last = match[root]!;
    return {
      start: tags[i]!.start,
      end: tags[last]!.end,
      lang: 'xml',
      lines: xmlLines(text, reading, i, last),
      removed: [],
    };
  }
  return null;
}

/**
 * The property lists (and XML documents) of text[from, to), one element a line, indented by nesting, a leaf
 * element (`<key>…</key>`, `<true/>`) on one line. A run starts at an `<?xml …?>`, a `<!DOCTYPE plist …>`, a
 * `<plist>` or a `<dict>` whose first element is a `<key>`, and ends at the close of its root element; its tags
 * must balance and no element may mix text with elements, else it stays prose. Written as it is or with `<`
 * and `>` as entities (the labelled layout): each layout's tags are read once, and each tag is a start once.
 */
export function plistRuns(text: string, from: number, to = text.length): RunSearch {
  const layouts = (['plain', 'escaped'] as const).map((layout) => ({
    layout,
    reading: null as TagReading | null,
    cursor: { next: 0 },
    run: undefined as CodeRun | null | undefined,
  }));
  return (at) => {
    let best: CodeRun | null = null;
    for (const l of layouts) {
      if (l.run === undefined || (l.run && l.run.start < at)) {
        l.reading ??= readTags(text, from, to, l.layout);
        l.run = nextRun(text, l.reading, l.cursor, at);
      }
      if (l.run && (!best || l.run.start < best.start)) best = l.run;
    }
    return best;
  };
}

/** The first property list in text[from, to) (see plistRuns). */
export const findPlistRun = (text: string, from: number, to = text.length): CodeRun | null =>
  plistRuns(text, from, to)(from);
