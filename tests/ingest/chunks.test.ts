import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Enricher } from '@/lib/ingest/enrich';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { corpusText } from '@/tools/corpus/dump-writer';
import { buildWordPools } from '@/tools/corpus/word-pools';
import { parseChunk, type ChunkResult } from '@/lib/ingest/chunk-parse';
import { ChunkReader } from '@/lib/ingest/chunk-read';
import { ChunkStitcher } from '@/lib/ingest/chunk-stitch';
import { toIngestEvent, type IngestEvent } from '@/lib/ingest/ingest-event';
import { chunkTasks } from '@/lib/ingest/parallel-ingest';
import { DumpParser, type ParseEvent } from '@/lib/ingest/parse';
import { ingest } from '@/lib/ingest/pipeline';
import { readLineBatches, type InputFile } from '@/lib/ingest/read';
import { RecordStage } from '@/lib/ingest/record-stage';
import { DUMP_PATH, DUMP_TEXT, tempDir } from '../helpers/fixtures';

const catalog = loadErrorCatalog();
const topics = loadTopics();
const context = { catalog, topics };
const asOf = new Date('2025-06-15T00:00:00Z');
const dir = tempDir('ingest-chunks-');

/** A generated dump with the damage real captures have, around every header and at its end. */
function damagedDump(posts: number, seed: number, eol: string): string {
  const lines = [...corpusText({ posts, seed }, buildWordPools(catalog, topics))].join('').split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line === 'RSS for tag' && i > 1)
      out.splice(out.length - 1, 0, '42', 'T'.repeat(501), 'body', '1', '2');
    if (i % 97 === 13) return; // a lost line every so often: the record it belonged to is cut
    if (i % 211 === 7) out.push('Replies'); // a stray label
    out.push(line);
  });
  out.push('Cut', 'Off', '1');
  return out.join(eol);
}

function write(name: string, text: string | Buffer): InputFile {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const info = statSync(file);
  return { path: file, size: info.size, modified: info.mtime };
}

/** What the serial pass reads from a file, as ingest events (the reference). */
async function serialEvents(file: InputFile): Promise<IngestEvent[]> {
  const parser = new DumpParser(file.path, asOf);
  const stage = new RecordStage(new Enricher(context));
  const out: IngestEvent[] = [];
  const add = (event: ParseEvent) => out.push(toIngestEvent(event, stage));

  for await (const { lines, first } of readLineBatches(file.path))
    lines.forEach((line, i) => parser.push(line, first + i).forEach(add));
  parser.end().forEach(add);
  return out;
}

/** The same file read as chunks of `chunkBytes`, each by a new parser, stitched (one stage, as one worker). */
function chunkedEvents(
  file: InputFile,
  chunkBytes: number,
  spoil?: (result: ChunkResult, index: number) => ChunkResult,
): { events: IngestEvent[]; reruns: number; lastLine: number } {
  const stage = new RecordStage(new Enricher(context));
  // Reruns happen on another thread than the chunk's first reading, as in the pipeline: a stage of their own.
  const rerunStage = new RecordStage(new Enricher(context));
  const reader = new ChunkReader();
  const rerunReader = new ChunkReader();
  const stitcher = new ChunkStitcher(file.path);
  const events: IngestEvent[] = [];
  let reruns = 0;
  chunkTasks(file, asOf, chunkBytes).forEach((task, i) => {
    const result = parseChunk(task, stage, reader);
    const rerun = (from: number) => {
      reruns++;
      return parseChunk(task, rerunStage, rerunReader, from);
    };
    events.push(...stitcher.add(spoil ? spoil(result, i) : result, rerun));
  });
  return { events, reruns, lastLine: stitcher.lastLine };
}

const LF = write('lf.txt', damagedDump(300, 5, '\n'));
const CRLF_BOM = write('crlf-bom.txt', `\uFEFF${damagedDump(200, 6, '\r\n')}\r\n`);
const CONCATENATED = write(
  'concatenated.txt',
  `${DUMP_TEXT}\n${damagedDump(120, 7, '\n')}\n${DUMP_TEXT}\r\n${DUMP_TEXT}`,
);

describe('chunked parsing: any split of a file at line starts gives the serial events', () => {
  it.each([
    ['LF, damaged records', LF],
    ['CRLF with a BOM', CRLF_BOM],
    ['several dumps with their headers, one after the other', CONCATENATED],
  ])('%s: same events, file:line and reasons, at many chunk sizes', async (_name, file) => {
    const serial = await serialEvents(file);
    expect(serial.some((e) => e.kind === 'reject' && / at line \d+$/.test(e.reason))).toBe(true);
    for (const size of [97, 500, 1024, 4099, 65536, file.size]) {
      const chunked = chunkedEvents(file, size);
      expect(chunked.events).toEqual(serial);
    }
  });

  it('a damaged record cut by the seam: the previous chunk finishes it and the next skips what it misread', async () => {
    const text = [
      'Title A',
      'Body A',
      '1',
      '2',
      'Title B',
      'Body B',
      '3',
      '4',
      '5',
      'May ’25',
      'Title C',
      'Body C',
      '6',
      '7',
      '8',
      '9d',
    ].join('\n');
    const file = write('seam.txt', text);
    const serial = await serialEvents(file);
    expect(
      serial.map((e) =>
        e.kind === 'post' || e.kind === 'repeat'
          ? `${e.kind} ${e.post.title}@${e.post.source.line}`
          : e.kind === 'header'
            ? `header@${e.line}`
            : `${e.kind}@${e.line}: ${e.reason}`,
      ),
    ).toEqual([
      'reject@1: expected the views count, found "Title B" at line 5',
      'post Title B@5',
      'post Title C@11',
    ]);
    // Every byte offset as the seam: inside the damaged record, at its end, inside the next.
    for (let seam = 1; seam < file.size; seam += 3) {
      const stage = new RecordStage(new Enricher(context));
      const reader = new ChunkReader();
      const stitcher = new ChunkStitcher(file.path);
      const events: IngestEvent[] = [];
      for (const task of [
        { file: file.path, size: file.size, start: 0, end: seam, asOf: asOf.getTime() },
        { file: file.path, size: file.size, start: seam, end: file.size, asOf: asOf.getTime() },
      ])
        events.push(
          ...stitcher.add(parseChunk(task, stage, reader), (from) => parseChunk(task, stage, reader, from)),
        );
      expect(events).toEqual(serial);
      expect(stitcher.lastLine).toBe(16);
    }
  });

  it('when a chunk never agrees with the previous one at the seam, it is parsed again from there', async () => {
    const serial = await serialEvents(LF);
    const spoilt = chunkedEvents(LF, 4099, (result, i) => (i % 2 === 1 ? { ...result, idle: [] } : result));
    expect(spoilt.reruns).toBeGreaterThan(3);
    // Which stage enriched a post first differs (a repeat is merged later): compare the readings themselves.
    const readings = (events: IngestEvent[]) =>
      events.map((e) =>
        e.kind === 'post' || e.kind === 'repeat'
          ? {
              ...e,
              kind: 'reading',
              post: {
                ...e.post,
                topics: [],
                apiClasses: [],
                osVersions: [],
                os: [],
                errorCodes: [],
                errorCodeVariants: [],
                feedbackIds: [],
              },
            }
          : e,
      );
    expect(readings(spoilt.events)).toEqual(readings(serial));
  });

  it('the last line number is the line count of the file, however it is cut', () => {
    const lines = DUMP_TEXT.split('\n').length;
    const file = write('dump.txt', DUMP_TEXT);
    expect([97, 1000, file.size].map((size) => chunkedEvents(file, size).lastLine)).toEqual([
      lines,
      lines,
      lines,
    ]);
  });
});

describe('parallel ingest over small chunks gives the serial result', () => {
  it('posts, counts, rejections and skipped lines, with one and two workers', async () => {
    const captures = path.resolve(__dirname, '../fixtures/captures');
    const paths = [LF.path, CRLF_BOM.path, CONCATENATED.path, DUMP_PATH, captures];
    const serial = await ingest(paths, context, { asOf, workers: 0 });
    for (const workers of [1, 2]) {
      const parallel = await ingest(paths, context, { asOf, workers, chunkBytes: 3000 });
      expect(JSON.stringify(parallel.posts)).toBe(JSON.stringify(serial.posts));
      expect({ ...parallel.report, ms: 0 }).toEqual({ ...serial.report, ms: 0 });
    }
    expect(serial.report.rejected).toBeGreaterThan(10);
    // The header lines of the dumps (67) and of the hand-made captures (63: 10 of them the header-only one).
    expect(serial.report.headerLines).toEqual(130);
  }, 60_000);
});

describe('chunk reading decodes as a whole-file UTF-8 decode splits lines', () => {
  it('long lines across decode pieces, multi-byte and invalid bytes, CR, CRLF and lone CR, BOM, no final LF', async () => {
    const { openSync, closeSync } = await import('node:fs');
    const long = 'é’😀a'.repeat(20_000);
    const parts: Buffer[] = [
      Buffer.from('\uFEFFfirst\r\n'),
      Buffer.from(`${long}\n`),
      Buffer.from('bad \xff\xfe end\n', 'latin1'),
    ];
    for (let i = 0; i < 3000; i++)
      parts.push(Buffer.from(i % 7 === 0 ? `May ’25 ${i}\r\n` : `line ${i} ${'x'.repeat(i % 50)}\n`));
    parts.push(Buffer.from([0xe2, 0x80, 0x0a]), Buffer.from('last ’ line'));
    const file = write('bytes.txt', Buffer.concat(parts));
    const expected = new TextDecoder().decode(Buffer.concat(parts)).split(/\r\n|\r|\n/);
    const fd = openSync(file.path, 'r');
    try {
      expect(new ChunkReader().readLinesBetween(fd, 0, file.size, true)).toEqual(expected);
    } finally {
      closeSync(fd);
    }
    const batches: string[] = [];
    for await (const { lines } of readLineBatches(file.path)) batches.push(...lines);
    expect(batches).toEqual(expected);
  });
});

describe('chunk results cross threads unchanged', () => {
  it('decodeChunk(encodeChunk(result)) equals the result: posts, repeats, rejections, skips, header lines, seam data', async () => {
    const { encodeChunk, decodeChunk, WireDictionary } = await import('@/lib/ingest/chunk-wire');
    const stage = new RecordStage(new Enricher(context));
    const reader = new ChunkReader();
    const sender = new WireDictionary();
    const receiver: string[] = [];
    const kinds = new Set<string>();
    for (const file of [CONCATENATED, LF])
      for (const task of chunkTasks(file, asOf, 20_000)) {
        const result = parseChunk(task, stage, reader);
        const wire = encodeChunk(result, sender);
        receiver.push(...wire.added);
        expect(decodeChunk(wire, receiver, file.path)).toEqual(result);
        for (const e of result.events)
          kinds.add(e.kind === 'reject' ? `reject${e.relabel ? '+relabel' : ''}` : e.kind);
      }
    expect([...kinds].sort()).toEqual(['header', 'post', 'reject', 'reject+relabel', 'repeat', 'skip']);
  });
});
