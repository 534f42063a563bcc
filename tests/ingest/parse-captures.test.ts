import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDumpText, type ParseEvent } from '@/lib/ingest/parse';

/** Captures of listing pages of every kind, written by hand in the shape of the real captures. */
const CAPTURES = path.resolve(__dirname, '../fixtures/captures');
const asOf = new Date('2026-03-20T00:00:00Z');

/** The events of a capture, records as `title@line` with their values, the rest as `kind@line`. */
function read(name: string): string[] {
  const events = parseDumpText(readFileSync(path.join(CAPTURES, name), 'utf8'), name, asOf);
  return events.map((e: ParseEvent) => {
    if (e.kind === 'record') {
      const r = e.record;
      const forums = r.forums.map((f) => `${f.kind}:${f.name}`).join(', ');
      return `record ${r.title}@${r.source.line} ${r.replies}/${r.boosts}/${r.views} ${r.activity}${forums ? ` [${forums}]` : ''}`;
    }
    if (e.kind === 'header') {
      const extra = e.forum
        ? ` ${e.forum.kind}:${e.forum.name}`
        : e.lastColumn
          ? ` last column ${e.lastColumn}`
          : '';
      return `header@${e.line}${extra}`;
    }
    return `${e.kind}@${e.line}: ${e.reason}`;
  });
}

describe('listing pages of every kind', () => {
  it('a subtopic page, last column Created, with Sort by, a Topic line, 3.3k, 1,234, 14k, Chinese and emoji', () => {
    expect(read('subtopic-created.txt')).toEqual([
      'header@1',
      'header@3 tag:Networking',
      'header@5',
      'header@7',
      'header@9 subtopic:Networking',
      'header@11',
      'header@13',
      'header@15',
      'header@17',
      'header@19',
      'header@21 last column Created',
      'record Local network permission prompt never shown on iOS 18@23 4/1/3300 2026-03 [topic:App & System Services, subtopic:Networking]',
      'record 蓝牙和 Wi-Fi 同时连接时 NWConnection 断开 ✅@30 12/0/1234 2026-03',
      'record Socket path limited to 104 characters@40 0/0/14000 2026-03',
    ]);
  });

  it('a topic page: description, All subtopics, Posts under … topic; the same thread twice, once with a Topic line', () => {
    expect(read('topic-page.txt')).toEqual([
      'header@1',
      'header@3',
      'header@5 topic:Privacy & Security',
      'header@7',
      'header@9',
      'header@11',
      'header@13',
      'header@15 last column Activity',
      'record SecTrustEvaluateWithError fails with -9807 on macOS 15@17 2/0/87 2023-10 [topic:Privacy & Security, subtopic:General]',
      'record Keychain item not found after restore@24 1/1/42 2026-03',
      'record Keychain item not found after restore@34 2/1/45 2026-03 [topic:Privacy & Security, subtopic:General]',
    ]);
  });

  it('an event page: JUST ENDED, |, the event name and its description', () => {
    expect(read('event-page.txt')).toEqual([
      'header@1',
      'header@3',
      'header@5 event:WWDC25',
      'header@7',
      'header@9',
      'header@11',
      'header@13',
      'header@15',
      'header@17 last column Activity',
      'record Per-app VPN rules not applied to Safari@19 5/3/612 2026-02',
      'record NEHotspotHelper entitlement for a new Wi-Fi app@25 1/0/90 2026-03',
    ]);
  });

  it('a banner before a tag header, and a capture cut inside a title', () => {
    expect(read('banner-tag-cut.txt')).toEqual([
      'header@1',
      'header@3',
      'header@5',
      'header@7',
      'header@9 tag:Network Extension',
      'header@11',
      'header@13',
      'header@15',
      'header@17',
      'header@19',
      'header@21 last column Activity',
      'record Content filter blocks DNS over HTTPS@23 2/0/150 2025-05',
      'record Transparent proxy and QUIC@29 3/1/210 2025-04',
      'reject@35: record cut off at end of file (no body)',
    ]);
  });

  it('captures that start inside the header: at Posts under …, or at the description', () => {
    expect(read('starts-at-posts-under.txt')).toEqual([
      'header@1 tag:Network Extension',
      'header@3',
      'header@5',
      'header@7',
      'header@9',
      'header@11',
      'header@13 last column Activity',
      'record Content filter blocks DNS over HTTPS@15 2/0/150 2025-05',
    ]);
    expect(read('starts-at-description.txt')).toEqual([
      'header@1',
      'header@2 tag:Network Extension',
      'header@3',
      'header@4',
      'header@5',
      'header@6',
      'header@7 last column Activity',
      'record Transparent proxy and QUIC@8 3/1/210 2025-04',
    ]);
  });

  it('a capture cut inside its header leaves no record and no rejection', () => {
    const text = readFileSync(path.join(CAPTURES, 'subtopic-created.txt'), 'utf8');
    // From its first header line on (a lone first line, `Networking`, could as well be a title cut off).
    for (let lines = 3; lines <= 21; lines++) {
      const cut = text.split('\n').slice(0, lines).join('\n');
      const kinds = parseDumpText(cut, 'cut.txt', asOf).map((e) => e.kind);
      expect({ lines, others: kinds.filter((k) => k !== 'header') }).toEqual({ lines, others: [] });
    }
  });

  it('a tag page cut right after its header (the real dump’s first 19 lines): header lines only', () => {
    expect(read('header-only.txt')).toEqual([
      'header@1',
      'header@3 tag:Network Extension',
      'header@5',
      'header@7 tag:Network Extension',
      'header@9',
      'header@11',
      'header@13',
      'header@15',
      'header@17',
      'header@19 last column Activity',
    ]);
  });

  it('free text with no values between records costs the record it belongs to, not the next one', () => {
    const text = ['A title', 'A body', 'B title', 'B body', '1', '2', '3', 'May ’25'].join('\n');
    expect(read2(text)).toEqual([
      'reject@1: expected the replies count or "Replies" after the body, found "B title" at line 3',
      'record B title@3',
    ]);
  });
});

/** Events of an in-memory dump, records as `title@line`. */
function read2(text: string): string[] {
  return parseDumpText(text, 'x.txt', asOf).map((e) =>
    e.kind === 'record'
      ? `record ${e.record.title}@${e.record.source.line}`
      : e.kind === 'header'
        ? `header@${e.line}`
        : `${e.kind}@${e.line}: ${e.reason}`,
  );
}
