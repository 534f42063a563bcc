import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { parseDumpText, type ParseEvent } from '@/lib/ingest/parse';
import { ingest } from '@/lib/ingest/pipeline';
import { readTitleLink, threadIdOfUrl } from '@/lib/ingest/thread-link';
import { BUNDLED_IDS } from '../helpers/bundled-ids';
import { DUMP_PATH } from '../helpers/fixtures';

/** Captures saved from the browser with their thread links, in the shape of the real captures. */
const FIXTURES = path.resolve(__dirname, '../fixtures/thread-links');
const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
const asOf = new Date('2025-06-15T00:00:00Z');

/** The events of a fixture: records as `title@line #threadId | body`, the rest as `kind@line: reason`. */
function read(name: string): string[] {
  const events = parseDumpText(readFileSync(path.join(FIXTURES, name), 'utf8'), name, asOf);
  return events
    .filter((e) => e.kind !== 'header')
    .map((e: ParseEvent) => {
      if (e.kind === 'record') {
        const r = e.record;
        return `${r.title}@${r.source.line} #${r.threadId} | ${r.body}`;
      }
      if (e.kind === 'reject') return `reject@${e.line} ${e.title}: ${e.reason}`;
      return e.kind === 'skip' ? `skip@${e.line}: ${e.reason}` : '';
    });
}

describe('threadIdOfUrl', () => {
  it('takes the id of the forum’s thread URLs, dropping slug, query and fragment', () => {
    expect(
      [
        'https://developer.apple.com/forums/thread/781234',
        'https://developer.apple.com/forums/thread/781234/tls-communication-error',
        'https://developer.apple.com/forums/thread/781234?answerId=833117022#833117022',
        'https://developer.apple.com/forums/thread/781234/slug?page=2',
        'https://developer.apple.com/forums/thread/781234#reply',
      ].map(threadIdOfUrl),
    ).toEqual(['781234', '781234', '781234', '781234', '781234']);
  });

  it('refuses every other URL: other hosts, http:, javascript:, ids with letters, other forum pages', () => {
    expect(
      [
        'https://evil.example/forums/thread/1',
        'https://developer.apple.com.evil.example/forums/thread/1',
        'http://developer.apple.com/forums/thread/781234',
        'javascript:alert(1)',
        'https://developer.apple.com/forums/thread/78a234',
        'https://developer.apple.com/forums/thread/',
        'https://developer.apple.com/forums/search?q=thread',
        'https://developer.apple.com/forums/thread/781234 trailing words',
        'https://user@developer.apple.com/forums/thread/1',
        'see https://developer.apple.com/forums/thread/781234',
      ].map(threadIdOfUrl),
    ).toEqual([null, null, null, null, null, null, null, null, null, null]);
  });
});

describe('readTitleLink', () => {
  it('gives a markdown link’s text, unescaped, and its thread id when it links to a thread', () => {
    expect(
      readTitleLink('[NWConnection \\[TLS\\] fails](https://developer.apple.com/forums/thread/779001)'),
    ).toEqual({ title: 'NWConnection [TLS] fails', threadId: '779001' });
    expect(readTitleLink('[x](javascript:alert(1))')).toEqual({ title: 'x', threadId: null });
    expect(readTitleLink('[x](https://evil.example/forums/thread/1)')).toEqual({
      title: 'x',
      threadId: null,
    });
  });

  it('leaves any other title as it stands', () => {
    expect(
      [
        '[Beta] NEHotspotHelper not called',
        '[x](https://developer.apple.com/forums/thread/1) and more',
        '[x] (https://developer.apple.com/forums/thread/1)',
        'Plain title',
      ].map((t) => readTitleLink(t)),
    ).toEqual([
      { title: '[Beta] NEHotspotHelper not called', threadId: null },
      { title: '[x](https://developer.apple.com/forums/thread/1) and more', threadId: null },
      { title: '[x] (https://developer.apple.com/forums/thread/1)', threadId: null },
      { title: 'Plain title', threadId: null },
    ]);
  });
});

describe('parsing captures that carry thread links', () => {
  it('a markdown-link title: the link text is the title; only a forum thread URL gives a thread id', () => {
    expect(read('markdown-titles.txt')).toEqual([
      'TLS communication error between iPhone and iPad@21 #781234 | We are implementing a connection between iPad and iPhone devices using LocalPushConnectivity.',
      'NWConnection [TLS] fails with -9836@27 #779001 | Our packet tunnel provider gets errSSLPeerProtocolVersion (-9836) when the server only offers TLS 1.3.',
      'x@37 #null | A title linking to script: the text is the title, the target is dropped.',
      'x@43 #null | A title linking to another host: the text is the title, the target is dropped.',
      "Per-app VPN on a supervised iPad@49 #null | Plain http is not the forum's URL either: the text is the title, no thread id.",
      'Content filter and DNS over HTTPS@55 #null | An id with letters is no thread id.',
    ]);
  });

  it('a URL line right after the title gives the id and is no body; any other URL line stays as before', () => {
    expect(read('url-lines.txt')).toEqual([
      'Content filter blocks DNS over HTTPS@15 #781500 | NEFilterDataProvider sees the flow but not the hostname.',
      // A thread URL inside the body stays body text.
      "Packet tunnel stops after sleep@22 #781501 | The tunnel's NWConnection never comes back after the Mac wakes. See https://developer.apple.com/forums/thread/700001 for an older thread.",
      // A title link and a URL line with another id: the title's link wins.
      "Wi-Fi Aware pairing fails on iOS 26@33 #781505 | A title link and a URL line with another id: the title's link wins.",
      // A URL line to another host is the body, as it always was.
      'Proxy settings ignored by URLSession@40 #null | https://evil.example/forums/thread/781502',
      // A thread URL line after the body: the record is damaged, rejected with its lines named.
      'reject@46 Hotspot helper never called: thread URL line "https://developer.apple.com/forums/threa…" after the body (it belongs right after the title), before "0" at line 49',
      'skip@50: stray value "0" outside any record',
      'skip@51: stray value "7" outside any record',
      'skip@52: stray value "May ’25" outside any record',
      // A title and a thread URL line alone: the URL is the body, as before.
      'Only a link for a body@53 #null | https://developer.apple.com/forums/thread/781504',
    ]);
  });
});

describe('thread ids through the whole ingest', () => {
  it('serial and chunked (one and two workers, many chunk sizes) give the same posts, ids and report', async () => {
    const serial = await ingest([FIXTURES], context, { asOf, workers: 0 });
    expect(serial.posts.map((p) => [p.title, p.threadId])).toEqual([
      ['TLS communication error between iPhone and iPad', '781234'],
      ['NWConnection [TLS] fails with -9836', '779001'],
      ['x', null],
      ['x', null],
      ['Per-app VPN on a supervised iPad', null],
      ['Content filter and DNS over HTTPS', null],
      ['Content filter blocks DNS over HTTPS', '781500'],
      ['Packet tunnel stops after sleep', '781501'],
      ['Wi-Fi Aware pairing fails on iOS 26', '781505'],
      ['Proxy settings ignored by URLSession', null],
      ['Only a link for a body', null],
    ]);
    const { read: records, accepted, rejected, headerLines, skipped } = serial.report;
    expect({ records, accepted, rejected, headerLines, skipped: skipped.length }).toEqual({
      records: 12,
      accepted: 11,
      rejected: 1,
      headerLines: 17,
      skipped: 3,
    });
    for (const [workers, chunkBytes] of [
      [1, 97],
      [1, 400],
      [2, 250],
      [2, 3000],
    ] as const) {
      const chunked = await ingest([FIXTURES], context, { asOf, workers, chunkBytes });
      expect(JSON.stringify(chunked.posts)).toBe(JSON.stringify(serial.posts));
      expect({ ...chunked.report, ms: 0 }).toEqual({ ...serial.report, ms: 0 });
    }
  }, 60_000);

  it('the bundled dump, which carries no thread links, gives its 20 posts with the same ids and slugs', async () => {
    const { posts } = await ingest([DUMP_PATH], context, { asOf: new Date('2025-06-01T00:00:00Z') });
    expect(posts.map((p) => [p.id, p.slug])).toEqual(BUNDLED_IDS);
    expect(posts.filter((p) => p.threadId !== null)).toEqual([]);
  });
});
