import { describe, expect, it } from 'vitest';
import { parseDumpText, type ParsedRecord } from '@/lib/ingest/parse';
import { DUMP_TEXT } from '../helpers/fixtures';

const asOf = new Date('2025-06-01T00:00:00Z');
const events = parseDumpText(DUMP_TEXT, 'dump.txt', asOf);
const records = events.flatMap((e) => (e.kind === 'record' ? [e.record] : []));
const byLine = (line: number) => records.find((r) => r.source.line === line) as ParsedRecord;

describe('parsing the real Network Extension dump', () => {
  it('reads 39 records (19 compact + 20 labelled), its 10 header lines apart, and rejects nothing', () => {
    const header = events.filter((e) => e.kind === 'header');
    expect({ records: records.length, header: header.length, others: events.length - 49 }).toEqual({
      records: 39,
      header: 10,
      others: 0,
    });
    expect(header.map((e) => e.line)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
  });

  it('reads the first compact record with its counts and month', () => {
    const r = byLine(21);
    expect({ ...r, body: r.body.slice(0, 60) }).toEqual({
      title: 'TLS communication error between iPhone and iPad',
      body: 'We are implementing a connection between iPad and iPhone dev',
      replies: 3,
      boosts: 0,
      views: 265,
      activity: '2025-05',
      created: null,
      forums: [],
      source: { file: 'dump.txt', line: 21 },
      threadId: null,
    });
  });

  it('reads boosts and April activity from the compact layout', () => {
    expect(byLine(117)).toMatchObject({
      title: 'How to avoid my local server flows in Transparent App Proxy',
      replies: 9,
      boosts: 2,
      views: 342,
      activity: '2025-04',
    });
    expect(byLine(81)).toMatchObject({ replies: 1, boosts: 4, views: 269 });
  });

  it('reads the post that only the labelled layout has', () => {
    expect(byLine(175)).toEqual({
      title: 'How to start a VPN connection with Widget ios 17?',
      body: 'I need to implement a VPN connection from the ios 17 widget without opening the main application. (I have seen such an implementation in other applications) How can this be implemented?',
      replies: 1,
      boosts: 0,
      views: 92,
      activity: '2025-05',
      created: null,
      forums: [],
      source: { file: 'dump.txt', line: 175 },
      threadId: null,
    });
  });

  it('decodes HTML entities so both layouts give the same text', () => {
    const compact = byLine(93);
    const labelled = byLine(265);
    expect(compact.body).toBe(labelled.body);
    expect(labelled.body).toContain('dasd Best binding found for evaluator 0x16d541720: <private>');
    expect(labelled.body).not.toContain('&lt;');
    expect(byLine(135).body).toBe(byLine(21).body);
  });

  it('keeps the two different posts that share a title apart', () => {
    const same = records.filter((r) => r.title === 'Packet Tunnel Provider with Per App VPN debugging');
    expect(same.map((r) => [r.source.line, r.views])).toEqual([
      [63, 194],
      [111, 120],
      [215, 194],
      [295, 120],
    ]);
    expect(same[0]!.body).not.toBe(same[1]!.body);
  });
});

describe('a line lost from the real dump', () => {
  it('costs at most the record it belonged to, whichever line it was, in both layouts', () => {
    const lines = DUMP_TEXT.split('\n');
    const outcomes = new Map<string, number>();
    const lost: string[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const damaged = parseDumpText(lines.filter((_, j) => j !== i).join('\n'), 'dump.txt', asOf);
      const kept = damaged.filter((e) => e.kind === 'record').length;
      const rejected = damaged.filter((e) => e.kind === 'reject').length;
      const key = `${kept} records, ${rejected} rejected`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (kept < 38) lost.push(`line ${i + 1}: ${key}`);
    });
    expect(lost).toEqual([]);
    // A header line lost: nothing lost, nothing rejected; a record's line lost: that record alone.
    expect(Object.fromEntries(outcomes)).toEqual({
      '39 records, 0 rejected': 10,
      '38 records, 1 rejected': 314,
    });
  });
});
