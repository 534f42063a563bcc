import { FORUM_KINDS, type ForumKind, type Post } from '../../posts/schema';
import { buildColumns, type Columns, type FacetColumn } from './columns';
import { buildInvertedIndex, mergePostings, type PartialPostings } from './inverted/build';
import type { InvertedIndex } from './inverted/index';
import { apiClassTokens, searchableTexts } from '../document';
import { FACETS, type FacetName } from '../types';

/** What a loaded embedded index holds in memory: full text and columns (the posts stay in the file). */
export type Snapshot = { index: InvertedIndex; columns: Columns };

/**
 * A post's searchable texts (`searchableTexts`), with the tokens of each API class memoised in `apiTokens` across
 * posts (the same few hundred classes recur).
 */
export function textFieldsOf(post: Post, apiTokens: Map<string, string[]>): string[] {
  return searchableTexts(post, (api) => {
    let tokens = apiTokens.get(api);
    if (!tokens) apiTokens.set(api, (tokens = apiClassTokens(api)));
    return tokens;
  });
}

/** Build the snapshot of a list of posts (doc number = position in the list). */
export function buildSnapshot(posts: readonly Post[]): Snapshot {
  const apiTokens = new Map<string, string[]>();
  const index = buildInvertedIndex(posts.length, (doc) => textFieldsOf(posts[doc]!, apiTokens));
  return { index, columns: buildColumns(posts) };
}

/** Tokenises documents into postings, in one part or several consecutive ones (for example on threads). */
export type PostingsCollector = (
  count: number,
  fieldsOf: (doc: number) => readonly string[],
) => Promise<PartialPostings[]>;

/** `buildSnapshot`, with the tokenising done by `collect`: the same snapshot. */
export async function buildSnapshotWith(
  posts: readonly Post[],
  collect: PostingsCollector,
): Promise<Snapshot> {
  const apiTokens = new Map<string, string[]>();
  const parts = await collect(posts.length, (doc) => textFieldsOf(posts[doc]!, apiTokens));
  return { index: mergePostings(parts), columns: buildColumns(posts) };
}

/** The kinds of section a snapshot is saved as. */
export type SectionKind = 'u8' | 'u16' | 'u32' | 'f32' | 'f64' | 'json';

/** One named section of a saved snapshot: typed array contents or a JSON value. */
export type Section = { name: string; kind: SectionKind; data: Uint8Array };

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const jsonSection = (name: string, value: unknown): Section => ({
  name,
  kind: 'json',
  data: Buffer.from(JSON.stringify(value)),
});

function facetSections(facet: FacetName, column: FacetColumn): Section[] {
  return [
    jsonSection(`facet.${facet}.values`, column.values),
    { name: `facet.${facet}.start`, kind: 'u32', data: bytesOf(column.start) },
    { name: `facet.${facet}.ids`, kind: 'u32', data: bytesOf(column.ids) },
  ];
}

/** The sections a snapshot is saved as. */
export function snapshotSections(s: Snapshot): Section[] {
  const c = s.columns;
  return [
    jsonSection('terms', s.index.terms),
    { name: 'postings.start', kind: 'u32', data: bytesOf(s.index.start) },
    { name: 'postings.docs', kind: 'u32', data: bytesOf(s.index.docs) },
    { name: 'postings.impacts', kind: 'u16', data: bytesOf(s.index.impacts) },
    { name: 'postings.scales', kind: 'f32', data: bytesOf(s.index.scales) },
    jsonSection('ids', c.ids),
    jsonSection('slugs', c.slugs),
    ...FACETS.flatMap((f) => facetSections(f, c.facets[f])),
    jsonSection(
      'forum.kinds',
      c.forumKinds.map((kinds) => kinds.join(',')),
    ),
    { name: 'os.start', kind: 'u32', data: bytesOf(c.os.start) },
    { name: 'os.platform', kind: 'u8', data: bytesOf(c.os.platform) },
    { name: 'os.number', kind: 'f64', data: bytesOf(c.os.number) },
    { name: 'activity', kind: 'f64', data: bytesOf(c.activity) },
    { name: 'views', kind: 'f64', data: bytesOf(c.views) },
    { name: 'replies', kind: 'f64', data: bytesOf(c.replies) },
    { name: 'boosts', kind: 'f64', data: bytesOf(c.boosts) },
    { name: 'idRank', kind: 'u32', data: bytesOf(c.idRank) },
  ];
}

/** A saved snapshot that does not hold what it should (a section missing, mistyped or of the wrong size). */
export class SnapshotShapeError extends Error {
  override name = 'SnapshotShapeError';
}

/** Reads named sections of a loaded file. */
export type SectionSource = (name: string, kind: SectionKind) => Uint8Array;

const u32 = (b: Uint8Array) => new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
const u16 = (b: Uint8Array) => new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2);
const f32 = (b: Uint8Array) => new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
const f64 = (b: Uint8Array) => new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);

function strings(read: SectionSource, name: string): string[] {
  const bytes = read(name, 'json');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SnapshotShapeError(`section ${name} is not JSON`);
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new SnapshotShapeError(`section ${name} is not a list of strings`);
  }
  return value as string[];
}

/** Check that `start` is a valid offsets array over `size` entries: from 0, never decreasing, ending at `size`. */
function expectOffsets(name: string, start: ArrayLike<number>, size: number): void {
  let previous = 0;
  for (let i = 0; i < start.length; i++) {
    const at = start[i]!;
    if (at < previous || (i === 0 && at !== 0))
      throw new SnapshotShapeError(`section ${name} is not ascending`);
    previous = at;
  }
  if (previous !== size) throw new SnapshotShapeError(`section ${name} ends at ${previous}, not ${size}`);
}

/**
 * Check that every posting is below `limit`, so no lookup reads past the end of an array. Postings are
 * written ascending within each term, so the last of each term bounds the others: one check per term.
 */
function expectPostingsBelow(start: Uint32Array, docs: Uint32Array, limit: number): void {
  for (let t = 0; t + 1 < start.length; t++) {
    if (start[t + 1]! > start[t]! && docs[start[t + 1]! - 1]! >= limit)
      throw new SnapshotShapeError(
        `section postings.docs holds ${docs[start[t + 1]! - 1]}, not below ${limit}`,
      );
  }
}

/** Check that every entry of `ids` is below `limit`, so no lookup reads past the end of an array. */
function expectBelow(name: string, ids: Uint32Array, limit: number): void {
  for (let i = 0; i < ids.length; i++) {
    if (ids[i]! >= limit) throw new SnapshotShapeError(`section ${name} holds ${ids[i]}, not below ${limit}`);
  }
}

/** The kinds of each forum (`tag`, `subtopic,tag`), one entry per forum name, each a known kind. */
function forumKinds(read: SectionSource, names: number): ForumKind[][] {
  const entries = strings(read, 'forum.kinds');
  expectLength('forum.kinds', entries.length, names);
  return entries.map((entry) => {
    const kinds = entry.split(',');
    if (!kinds.every((k): k is ForumKind => (FORUM_KINDS as readonly string[]).includes(k)))
      throw new SnapshotShapeError(`section forum.kinds holds ${JSON.stringify(entry)}, not forum kinds`);
    return kinds;
  });
}

/** Check that a JSON section at least looks like a list (its full parse waits for first use). */
function expectJsonList(name: string, bytes: Uint8Array): void {
  if (bytes[0] !== 0x5b || bytes[bytes.length - 1] !== 0x5d)
    throw new SnapshotShapeError(`section ${name} is not a JSON list`);
}

function expectLength(name: string, actual: number, expected: number): void {
  if (actual !== expected)
    throw new SnapshotShapeError(`section ${name} holds ${actual} entries, not ${expected}`);
}

/** Rebuild a snapshot from its sections (typed arrays are views on the loaded bytes, not copies). */
export function snapshotFromSections(read: SectionSource, count: number): Snapshot {
  const terms = strings(read, 'terms');
  const start = u32(read('postings.start', 'u32'));
  const docs = u32(read('postings.docs', 'u32'));
  const impacts = u16(read('postings.impacts', 'u16'));
  const scales = f32(read('postings.scales', 'f32'));
  expectLength('postings.start', start.length, terms.length + 1);
  expectOffsets('postings.start', start, docs.length);
  expectPostingsBelow(start, docs, count);
  expectLength('postings.impacts', impacts.length, docs.length);
  expectLength('postings.scales', scales.length, terms.length);
  const facet = (f: FacetName): FacetColumn => {
    const column = {
      values: strings(read, `facet.${f}.values`),
      start: u32(read(`facet.${f}.start`, 'u32')),
      ids: u32(read(`facet.${f}.ids`, 'u32')),
    };
    expectLength(`facet.${f}.start`, column.start.length, count + 1);
    expectOffsets(`facet.${f}.start`, column.start, column.ids.length);
    expectBelow(`facet.${f}.ids`, column.ids, column.values.length);
    return column;
  };
  const perDoc = (name: string) => {
    const array = f64(read(name, 'f64'));
    expectLength(name, array.length, count);
    return array;
  };
  // Ids and slugs serve only lookups by slug or id, never a search: parsed on first use, off the start-up path.
  const lazyStrings = (name: string) => {
    let value: string[] | undefined;
    return () => {
      if (!value) {
        const parsed = strings(read, name);
        expectLength(name, parsed.length, count);
        value = parsed;
      }
      return value;
    };
  };
  const ids = lazyStrings('ids');
  const slugs = lazyStrings('slugs');
  const facets = Object.fromEntries(FACETS.map((f) => [f, facet(f)])) as Record<FacetName, FacetColumn>;
  const columns: Columns = {
    count,
    get ids() {
      return ids();
    },
    get slugs() {
      return slugs();
    },
    facets,
    os: {
      start: u32(read('os.start', 'u32')),
      platform: read('os.platform', 'u8'),
      number: f64(read('os.number', 'f64')),
    },
    forumKinds: forumKinds(read, facets.forum.values.length),
    activity: perDoc('activity'),
    views: perDoc('views'),
    replies: perDoc('replies'),
    boosts: perDoc('boosts'),
    idRank: u32(read('idRank', 'u32')),
  };
  expectLength('os.start', columns.os.start.length, count + 1);
  expectOffsets('os.start', columns.os.start, columns.os.platform.length);
  expectLength('os.number', columns.os.number.length, columns.os.platform.length);
  expectLength('idRank', columns.idRank.length, count);
  expectBelow('idRank', columns.idRank, count);
  expectJsonList('ids', read('ids', 'json'));
  expectJsonList('slugs', read('slugs', 'json'));
  return { index: { terms, start, docs, impacts, scales }, columns };
}
