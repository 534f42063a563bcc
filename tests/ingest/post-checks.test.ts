import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { Enricher } from '@/lib/ingest/enrich';
import { identify } from '@/lib/ingest/identify';
import { cleanText, parseDumpText, type ParsedRecord } from '@/lib/ingest/parse';
import { postIfValid, rawPostIfValid } from '@/lib/ingest/post-checks';
import { readLineBatches } from '@/lib/ingest/read';
import { RecordStage } from '@/lib/ingest/record-stage';
import { validateRecord } from '@/lib/ingest/validate';
import { Post, RawPost } from '@/lib/posts/schema';
import { DUMP_TEXT, tempFile } from '../helpers/fixtures';

const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
const enricher = new Enricher(context);
const asOf = new Date('2025-06-15T00:00:00Z');
const records = parseDumpText(DUMP_TEXT, 'dump.txt', asOf).flatMap((e) =>
  e.kind === 'record' ? [e.record] : [],
);
const record = records[0]!;
const enrichedFields = (r: ParsedRecord) => enricher.enrich(identify(RawPost.parse(r)));

describe('hand-written schema checks on the hot path', () => {
  it('rawPostIfValid returns exactly RawPost.parse (values and key order) for every record of the real dump', () => {
    expect(records).toHaveLength(39);
    for (const r of records) expect(JSON.stringify(rawPostIfValid(r))).toBe(JSON.stringify(RawPost.parse(r)));
    const padded = { ...record, title: `  ${record.title} ` };
    expect(JSON.stringify(rawPostIfValid(padded))).toBe(JSON.stringify(RawPost.parse(padded)));
    // A thread id, and none at all (a post stored before thread links were read): null, as the schema's default.
    const linked = { ...record, threadId: '781234' };
    expect(JSON.stringify(rawPostIfValid(linked))).toBe(JSON.stringify(RawPost.parse(linked)));
    const { threadId: _none, ...older } = record;
    void _none;
    expect(rawPostIfValid(older)?.threadId).toBeNull();
    expect(JSON.stringify(rawPostIfValid(older))).toBe(JSON.stringify(RawPost.parse(older)));
  });

  it('rawPostIfValid leaves every doubtful record to zod, so the rejection messages stay zod’s', () => {
    const doubtful: object[] = [
      { ...record, title: ' ' },
      { ...record, title: 'x'.repeat(501) },
      { ...record, body: '' },
      { ...record, replies: -1 },
      { ...record, boosts: 1.5 },
      { ...record, views: Number.NaN },
      { ...record, views: 2 ** 53 },
      { ...record, activity: '2025-13' },
      { ...record, activity: undefined },
      { ...record, source: { file: '', line: 1 } },
      { ...record, source: { file: 'a.txt', line: 0 } },
      { ...record, source: null },
      { ...record, threadId: '78a1' },
      { ...record, threadId: '' },
      { ...record, threadId: 781234 },
    ];
    for (const r of doubtful) expect(rawPostIfValid(r)).toBeNull();
    expect(validateRecord({ ...record, title: 'x'.repeat(501) })).toEqual({
      ok: false,
      reason: 'invalid record (title: title longer than 500 characters)',
    });
  });

  it('postIfValid returns exactly Post.parse for every enriched post of the real dump, and null when unsure', () => {
    for (const r of records) {
      const post = enrichedFields(r);
      expect(JSON.stringify(postIfValid(post))).toBe(JSON.stringify(Post.parse(post)));
    }
    const post = enrichedFields(record);
    const { topics, apiClasses, osVersions, os, errorCodes, errorCodeVariants, feedbackIds } = post;
    const enrichment = { topics, apiClasses, osVersions, os, errorCodes, errorCodeVariants, feedbackIds };
    const bare = { ...post, topics: undefined, apiClasses: undefined, os: undefined };
    expect(JSON.stringify(postIfValid(bare, enrichment))).toBe(JSON.stringify(Post.parse(post)));
    expect(postIfValid(bare)).toBeNull();
    expect(postIfValid({ ...post, id: 'XYZ' })).toBeNull();
    expect(postIfValid({ ...post, slug: 'a--b' })).toBeNull();
    expect(postIfValid({ ...post, topics: [1] })).toBeNull();
    expect(
      postIfValid({ ...post, os: [{ platform: 'Linux', version: '1', label: 'Linux 1', number: 1 }] }),
    ).toBeNull();
    expect(
      postIfValid({ ...post, os: [{ platform: 'iOS', version: '1.2.3.4', label: 'x', number: 1 }] }),
    ).toBeNull();
  });
});

describe('per-record stages (as a worker runs them)', () => {
  it('forget the ids they enriched past their limit, and then enrich a repeat again to the same post', () => {
    const [a, b] = records.filter((r, i, all) => all.findIndex((x) => x.title === r.title) === i);
    const stage = new RecordStage(new Enricher(context), 1);
    const kinds = [a!, a!, b!, a!].map((r) => stage.resolve(r));
    expect(kinds.map((k) => k.kind)).toEqual(['post', 'repeat', 'post', 'post']);
    expect(kinds[3]).toEqual(kinds[0]);
  });

  it('give the very post the serial stages give, and mark a second reading as a repeat', () => {
    const stage = new RecordStage(new Enricher(context));
    const first = stage.resolve(record);
    expect(first).toEqual({ kind: 'post', post: enrichedFields(record) });
    expect(JSON.stringify(first.kind === 'post' && first.post)).toBe(JSON.stringify(enrichedFields(record)));
    const again = stage.resolve({ ...record, views: 7 });
    expect(again).toEqual({ kind: 'repeat', post: identify(RawPost.parse({ ...record, views: 7 })) });
    expect(stage.resolve({ ...record, body: '' })).toEqual({
      kind: 'reject',
      reason: 'invalid record (body: empty body)',
    });
  });
});

describe('text scanning shortcuts', () => {
  /** The rule cleanText had as a regular expression. */
  const byRegex = (text: string) =>
    /\s\s|[\t\n\r\f\v\u00a0\u2028\u2029]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();

  it('cleanText folds white space exactly as the regular expression did, for every UTF-16 code unit', () => {
    const spaces: string[] = [];
    for (let c = 0; c < 65536; c++)
      if (/\s/.test(String.fromCharCode(c))) spaces.push(String.fromCharCode(c));
    const probes = [...spaces, 'a', 'é', '\u200b', '\u180e'];
    for (const a of probes)
      for (const b of probes)
        for (const text of [a + b, `x${a}${b}y`, `x${a}y${b}z`]) expect(cleanText(text)).toBe(byRegex(text));
    const differing: number[] = [];
    for (let c = 0; c < 65536; c++) {
      const text = `a${String.fromCharCode(c)}b c`;
      if (cleanText(text) !== byRegex(text)) differing.push(c);
    }
    expect(differing).toEqual([]);
  });

  it('readLineBatches reads lines as a whole-file UTF-8 decode splits them, across 1 MB chunks', async () => {
    const pieces = ['line one\n', 'crlf\r\n', 'lone\rcr ', '’', '😀', 'x'.repeat(1000)];
    const parts: Buffer[] = [Buffer.from('\uFEFF\uFEFFstart\n')];
    for (let i = 0; parts.reduce((n, p) => n + p.length, 0) < 2.5 * 2 ** 20; i++) {
      parts.push(Buffer.from(pieces[(i * 7) % pieces.length]!));
      if (i % 5000 === 17) parts.push(Buffer.from([0xe2, 0x80]), Buffer.from([0xff]));
    }
    const bytes = Buffer.concat(parts);
    const file = tempFile('chunks.txt', bytes);
    const lines: string[] = [];
    let next = 1;
    for await (const batch of readLineBatches(file)) {
      expect(batch.first).toBe(next);
      lines.push(...batch.lines);
      next += batch.lines.length;
    }
    expect(lines).toEqual(
      bytes
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r\n|\r|\n/),
    );
  });
});
