import fc from 'fast-check';
import { Enricher } from '@/lib/ingest/enrich';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { applyIngestEvent, toIngestEvent, newPageContext } from '@/lib/ingest/ingest-event';
import { PostMerger } from '@/lib/ingest/merge';
import { cleanText, parseDumpText } from '@/lib/ingest/parse';
import { RecordStage } from '@/lib/ingest/record-stage';
import { emptyFileCounts, emptyReport, isBalanced } from '@/lib/ingest/report';
import type { Post } from '@/lib/posts/schema';
import { DUMP_TEXT } from '../helpers/fixtures';

const LINES = DUMP_TEXT.split('\n');
const asOf = new Date('2025-06-01T00:00:00Z');
const context = { catalog: loadErrorCatalog(), topics: loadTopics() };

/** Parse a text and account for it the way the pipeline does. */
function account(text: string) {
  const events = parseDumpText(text, 'mutated.txt', asOf);
  const report = emptyReport();
  const counts = emptyFileCounts('mutated.txt');
  const merger = new PostMerger<Post>();
  const stage = new RecordStage(new Enricher(context));
  for (const event of events)
    applyIngestEvent(
      toIngestEvent(event, stage),
      { merger, counts, report, page: newPageContext() },
      stage.enricher,
    );
  report.files.push(counts);
  Object.assign(report, {
    read: counts.read,
    accepted: counts.accepted,
    merged: counts.merged,
    rejected: counts.rejected,
  });
  return { events, report, merger };
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 30 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut-line' as const), at: fc.nat(), keep: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const i = m.at % Math.max(out.length, 1);
  switch (m.kind) {
    case 'delete':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, out[i] ?? '');
      break;
    case 'swap': {
      const j = m.with % Math.max(out.length, 1);
      [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
      break;
    }
    case 'insert':
      out.splice(i, 0, m.text);
      break;
    case 'truncate':
      out.length = i;
      break;
    case 'cut-line':
      out[i] = (out[i] ?? '').slice(0, m.keep % 50);
      break;
  }
  return out;
}

describe('the parser on mutated dumps (property)', () => {
  it('never throws and accounts for every record: read = accepted + merged + rejected', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.boolean(), (mutations, crlf) => {
        const lines = mutations.reduce(mutate, LINES);
        const text = lines.join(crlf ? '\r\n' : '\n');
        const { events, report } = account(text);
        expect(isBalanced(report)).toBe(true);
        const starts = events
          .filter((e) => e.kind !== 'skip')
          .map((e) => (e.kind === 'record' ? e.record.source.line : e.line));
        // One event per record start, in file order, each on a real line.
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        expect(new Set(starts).size).toBe(starts.length);
        for (const line of starts) expect(line).toBeGreaterThanOrEqual(1);
        for (const line of starts) expect(line).toBeLessThanOrEqual(lines.length);
      }),
      { numRuns: 300, seed: 20251125 },
    );
  });

  it('finds every intact record whatever the order, repetition and layout of whole records', () => {
    const compactRecords = Array.from({ length: 19 }, (_, k) => LINES.slice(20 + k * 6, 26 + k * 6));
    const labelledRecords = Array.from({ length: 20 }, (_, k) => LINES.slice(134 + k * 10, 144 + k * 10));
    const all = [...compactRecords, ...labelledRecords];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: all.length - 1 }), { minLength: 1, maxLength: 60 }), (picks) => {
        const text = picks.flatMap((k) => ['', ...all[k]!]).join('\n');
        const { report, merger } = account(text);
        const distinctTitlesAndBodies = new Set(
          picks.map((k) => `${cleanText(all[k]![0]!)}\n${cleanText(all[k]![1]!)}`),
        );
        expect(report.rejected).toBe(0);
        expect(report.read).toBe(picks.length);
        expect(merger.size).toBe(distinctTitlesAndBodies.size);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
