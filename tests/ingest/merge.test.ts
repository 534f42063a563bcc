import { describe, expect, it } from 'vitest';
import { identify, type IdentifiedPost } from '@/lib/ingest/identify';
import { PostMerger } from '@/lib/ingest/merge';
import type { RawPost } from '@/lib/posts/schema';

/** One reading of the same post (same title and body, so the same id), from `line` of a capture. */
function reading(line: number, threadId: string | null, views = 10): IdentifiedPost {
  const raw: RawPost = {
    title: 'Content filter blocks DNS over HTTPS',
    body: 'NEFilterDataProvider sees the flow but not the hostname.',
    replies: 2,
    boosts: 0,
    views,
    activity: '2025-05',
    created: null,
    forums: [],
    source: { file: 'capture.txt', line },
    threadId,
  };
  return identify(raw);
}

/** The thread id the merger keeps after adding the readings in order. */
function merged(...readings: IdentifiedPost[]): string | null {
  const merger = new PostMerger();
  for (const r of readings) merger.add(r);
  expect(merger.size).toBe(1);
  return merger.posts()[0]!.threadId;
}

describe('merging repeated readings keeps a thread id', () => {
  it('from whichever reading has one, older or newer', () => {
    expect(merged(reading(1, '781500'), reading(9, null, 20))).toBe('781500');
    expect(merged(reading(1, '781500', 20), reading(9, null))).toBe('781500');
    expect(merged(reading(1, null), reading(9, '781500', 20))).toBe('781500');
    expect(merged(reading(1, null, 20), reading(9, '781500'))).toBe('781500');
    expect(merged(reading(1, null), reading(5, null), reading(9, '781500'))).toBe('781500');
    expect(merged(reading(1, null), reading(9, null))).toBeNull();
  });

  it('the first seen when two readings name different threads, the newer counts still winning', () => {
    const merger = new PostMerger();
    expect(merger.add(reading(1, '781500'))).toBe('accepted');
    expect(merger.add(reading(9, '781777', 99))).toBe('merged');
    expect(merger.posts().map((p) => [p.threadId, p.views, p.source.line])).toEqual([['781500', 99, 1]]);
    expect(merged(reading(1, '781777', 99), reading(9, '781500'))).toBe('781777');
  });
});
