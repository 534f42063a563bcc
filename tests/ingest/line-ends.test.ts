import { closeSync, openSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ChunkReader, DECODE_PIECE, lineStartAtOrAfter } from '@/lib/ingest/chunk-read';
import { forEachLineEnd } from '@/lib/ingest/line-ends';
import { ingest } from '@/lib/ingest/pipeline';
import { readLineBatches } from '@/lib/ingest/read';
import { DUMP_TEXT, tempFile } from '../helpers/fixtures';

const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
const asOf = new Date('2025-06-01T00:00:00Z');
const ENDINGS = ['\n', '\r\n', '\r'] as const;

/** Universal newlines the plain way, the oracle of both readers: a file's last line end ends its last line. */
function reference(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return lines.length > 1 && lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}

/** The lines of a file by the serial reader. */
async function serialLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of readLineBatches(file)) lines.push(...batch.lines);
  return lines;
}

/** The lines of a file by the chunked reader, cut into chunks at `cuts` (each moved to the next line start). */
function chunkedLines(file: string, size: number, cuts: number[]): string[] {
  const fd = openSync(file, 'r');
  try {
    const starts = [...new Set([0, ...cuts.map((c) => lineStartAtOrAfter(fd, c, size)), size])].sort(
      (a, b) => a - b,
    );
    const lines: string[] = [];
    const reader = new ChunkReader();
    for (let i = 0; i + 1 < starts.length; i++)
      lines.push(...reader.readLinesBetween(fd, starts[i]!, starts[i + 1]!, starts[i] === 0));
    return lines;
  } finally {
    closeSync(fd);
  }
}

const textWithEndings = fc
  .array(fc.tuple(fc.constantFrom('', 'a', 'May ’25', '😀 é', 'x'.repeat(40)), fc.constantFrom(...ENDINGS)), {
    maxLength: 60,
  })
  .chain((lines) =>
    fc.tuple(
      fc.constant(lines.map(([text, end]) => text + end).join('')),
      fc.constantFrom('', 'tail', '\uFEFF'),
    ),
  )
  .map(([body, extra]) => (extra === '\uFEFF' ? `\uFEFF${body}` : body + extra));

describe('universal newlines: every CR, LF or CRLF ends one line', () => {
  it('forEachLineEnd splits a text as the regular expression does', () => {
    fc.assert(
      fc.property(textWithEndings, (text) => {
        const lines: string[] = [];
        const rest = forEachLineEnd(text, 0, (start, end) => lines.push(text.slice(start, end)));
        lines.push(text.slice(rest));
        expect(lines).toEqual(text.split(/\r\n|\r|\n/));
      }),
      { numRuns: 1000, seed: 1313 },
    );
  });

  it('the serial and the chunked reader give the same lines for any mix, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(textWithEndings, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const bytes = Buffer.from(text);
        if (bytes.length === 0) return;
        const file = tempFile('mixed.txt', bytes);
        const expected = reference(text);
        expect(await serialLines(file)).toEqual(expected);
        const chunked = chunkedLines(
          file,
          bytes.length,
          cuts.map((c) => c % bytes.length),
        );
        expect(chunked).toEqual(expected);
      }),
      { numRuns: 300, seed: 1313 },
    );
  });

  it('pieces with and without a CR read alike: long lines across 32 kB decode pieces, a CRLF split by a piece', async () => {
    // Mostly LF ends with a CR here and there, so some decode pieces hold no CR (the fast path) and others do.
    const longLines = fc.array(
      fc.tuple(
        fc.nat({ max: 40_000 }),
        fc.constantFrom('x', 'é'),
        fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r'),
      ),
      { minLength: 1, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(longLines, fc.array(fc.nat(), { maxLength: 3 }), async (parts, cuts) => {
        const text = parts.map(([length, fill, end]) => fill.repeat(length) + end).join('');
        const bytes = Buffer.from(text);
        const file = tempFile('long-lines.txt', bytes);
        const expected = reference(text);
        expect(await serialLines(file)).toEqual(expected);
        const chunked = chunkedLines(
          file,
          bytes.length,
          cuts.map((c) => c % bytes.length),
        );
        expect(chunked).toEqual(expected);
      }),
      { numRuns: 60, seed: 1313 },
    );
  });

  it('a CR that ends a decode piece pairs only with an LF right after it, not with one a whole piece later', async () => {
    // The CR is the last byte of the first 32 kB piece; the second piece is one line's middle, no line end.
    const text = `${'a'.repeat(DECODE_PIECE - 1)}\r${'x'.repeat(DECODE_PIECE)}\nend`;
    const file = tempFile('cr-at-piece-end.txt', text);
    const expected = ['a'.repeat(DECODE_PIECE - 1), 'x'.repeat(DECODE_PIECE), 'end'];
    expect(await serialLines(file)).toEqual(expected);
    expect(chunkedLines(file, text.length, [DECODE_PIECE, 2 * DECODE_PIECE])).toEqual(expected);
  });

  it('never cuts a chunk between the CR and the LF of a CRLF', () => {
    const file = tempFile('crlf.txt', 'ab\r\ncd\r\r\nef');
    const fd = openSync(file, 'r');
    try {
      // Line starts: 0 (ab), 4 (cd), 7 (the empty line after the lone CR), 9 (ef); the file is 11 bytes.
      expect(Array.from({ length: 12 }, (_, offset) => lineStartAtOrAfter(fd, offset, 11))).toEqual([
        0, 4, 4, 4, 4, 7, 7, 7, 9, 9, 11, 11,
      ]);
    } finally {
      closeSync(fd);
    }
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])(
    'reads the bundled dump with %s line ends: the same 20 posts, line numbers and accounting',
    async (_name, end) => {
      const lf = await ingest([tempFile('dump.txt', DUMP_TEXT)], context, { asOf, workers: 0 });
      const file = tempFile('dump.txt', DUMP_TEXT.replaceAll('\n', end));
      for (const workers of [0, 2]) {
        const result = await ingest([file], context, { asOf, workers, chunkBytes: 2000 });
        expect(result.posts.map((p) => [p.id, p.slug, p.source.line])).toEqual(
          lf.posts.map((p) => [p.id, p.slug, p.source.line]),
        );
        expect({ ...result.report, files: [], bytes: 0, ms: 0 }).toEqual({
          ...lf.report,
          files: [],
          bytes: 0,
          ms: 0,
        });
        expect(result.posts.length).toEqual(20);
      }
    },
  );

  it('reads a dump whose lines end in a mix of all three, on both paths, as its LF form', async () => {
    const lines = DUMP_TEXT.split('\n');
    // A lone CR before an empty line that ends in LF would read as one CRLF: such a line gets a CRLF instead.
    const endOf = (i: number) =>
      ENDINGS[i % 3] === '\r' && lines[i + 1] === '' && ENDINGS[(i + 1) % 3] === '\n'
        ? '\r\n'
        : ENDINGS[i % 3]!;
    const mixed = lines.map((line, i) => line + (i === lines.length - 1 ? '' : endOf(i))).join('');
    const lf = await ingest([tempFile('dump.txt', DUMP_TEXT)], context, { asOf, workers: 0 });
    for (const workers of [0, 2]) {
      const result = await ingest([tempFile('mixed.txt', mixed)], context, {
        asOf,
        workers,
        chunkBytes: 1500,
      });
      expect(result.posts.map((p) => ({ ...p, source: p.source.line }))).toEqual(
        lf.posts.map((p) => ({ ...p, source: p.source.line })),
      );
      const where = (r: { line: number; reason: string }) => [r.line, r.reason];
      expect(result.report.rejects.map(where)).toEqual(lf.report.rejects.map(where));
    }
  });
});
