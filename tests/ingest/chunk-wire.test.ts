import { describe, expect, it } from 'vitest';
import type { ChunkEvent, ChunkResult } from '@/lib/ingest/chunk-parse';
import { decodeChunk, encodeChunk, WireDictionary } from '@/lib/ingest/chunk-wire';
import type { IdentifiedPost } from '@/lib/ingest/identify';
import type { Post } from '@/lib/posts/schema';

const seams = { from: 0, to: 100, lines: 12, syncLine: 12, syncOffset: 100, ended: true, idle: [0, 12] };

function post(
  title: string,
  body: string,
  line: number,
  feedbackIds: string[] = [],
  threadId: string | null = null,
): Post {
  return {
    title,
    body,
    replies: 1,
    boosts: 0,
    views: 3300,
    activity: '2025-05',
    created: null,
    forums: [{ name: 'Network Extension', kind: 'tag' }],
    source: { file: 'dump.txt', line },
    threadId,
    id: 'a1b2c3d4e5f6',
    slug: 'title-a1b2c3',
    topics: ['vpn'],
    apiClasses: ['NEPacketTunnelProvider'],
    osVersions: ['iOS 17'],
    os: [{ platform: 'iOS', version: '17', label: 'iOS 17', number: 17 }],
    errorCodes: [],
    errorCodeVariants: [],
    feedbackIds,
  };
}

/** A repeat carries no enrichment. */
function identified(p: Post): IdentifiedPost {
  const { title, body, replies, boosts, views, activity, created, forums, source, threadId, id, slug } = p;
  return { title, body, replies, boosts, views, activity, created, forums, source, threadId, id, slug };
}

describe('chunk texts cross threads as bytes, exactly', () => {
  it('gives back ASCII, accents, emoji, empty texts, a lone surrogate (a reason cut inside an emoji) and a text larger than the first buffer', () => {
    const large = `${'é😀 tunnel '.repeat(12_000)}end`;
    const events: ChunkEvent[] = [
      { kind: 'header', at: 1, line: 1, forum: { name: 'Réseau 🌐', kind: 'tag' } },
      {
        kind: 'post',
        at: 4,
        post: post('Plain ASCII title', 'Body with “quotes” and 日本語', 2, ['FB1234567'], '781234'),
      },
      {
        kind: 'reject',
        at: 7,
        line: 5,
        reason: `expected the views count, found "${'x'.repeat(39)}\ud83d" at line 7`,
        relabel: true,
      },
      { kind: 'skip', at: 8, line: 8, reason: '' },
      { kind: 'post', at: 11, post: post('😀', large, 9) },
      { kind: 'repeat', at: 12, post: identified(post('Lone \udc00 low surrogate', 'b', 10, [], '9')) },
    ];
    const result: ChunkResult = { ...seams, events };
    const sender = new WireDictionary();
    const wire = encodeChunk(result, sender);
    expect(decodeChunk(wire, wire.added, 'dump.txt')).toEqual(result);
    // The texts are bytes, not strings: nothing of them is on the heap until decoded.
    expect(wire.texts).toBeInstanceOf(Uint8Array);
    // A post's texts: title, body, id, slug and thread id ('' for none), then its feedback ids.
    expect(wire.textLengths.length).toEqual(2 + (5 + 1) + 1 + 1 + 5 + 5);
  });

  it('a second chunk from the same encoder reads its own texts only', () => {
    const sender = new WireDictionary();
    const received: string[] = [];
    const first = encodeChunk(
      { ...seams, events: [{ kind: 'skip', at: 1, line: 1, reason: 'first' }] },
      sender,
    );
    received.push(...first.added);
    const second: ChunkResult = {
      ...seams,
      events: [{ kind: 'post', at: 3, post: post('Second', 'two', 2) }],
    };
    const wire = encodeChunk(second, sender);
    received.push(...wire.added);
    expect(decodeChunk(wire, received, 'dump.txt')).toEqual(second);
  });

  it('reads ASCII texts back as they were, and a text whose every character is Latin-1 but not ASCII as UTF-8', () => {
    const texts = ['plain ASCII ~ {}', 'café naïve ÿ ©', '\u0080', 'x\u00ff'];
    const result: ChunkResult = {
      ...seams,
      events: texts.map((reason, i) => ({ kind: 'skip' as const, at: i + 1, line: i + 1, reason })),
    };
    const wire = encodeChunk(result, new WireDictionary());
    expect(decodeChunk(wire, wire.added, 'dump.txt')).toEqual(result);
    // Encodings in the length's low bits: 0 ASCII (read back as Latin-1), 1 UTF-8.
    expect(Array.from(wire.textLengths, (n) => n & 3)).toEqual([0, 1, 1, 1]);
    expect(Array.from(wire.textLengths, (n) => n >>> 2)).toEqual([16, 18, 2, 3]);
  });
});
