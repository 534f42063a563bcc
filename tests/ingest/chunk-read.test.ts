import { closeSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkReader, DECODE_PIECE } from '@/lib/ingest/chunk-read';
import { tempDir } from '../helpers/fixtures';

describe('a chunk reader owns its read buffer', () => {
  it('a second reader reading inside the first one’s callback leaves the first one’s bytes alone', () => {
    // Two stretches of different lines (ASCII and not), each several decode pieces long.
    const first = Array.from({ length: 12000 }, (_, i) => (i % 5 === 0 ? `éa ${i} ’` : `line a ${i}`));
    const second = Array.from({ length: 6000 }, (_, i) => (i % 3 === 0 ? `😀b ${i}` : `row b ${i} xyz`));
    const head = Buffer.from(`${first.join('\n')}\n`);
    const tail = Buffer.from(`${second.join('\n')}\n`);
    // The inner read is the shorter, so a buffer shared with the outer one would be overwritten in place.
    expect(head.length).toBeGreaterThan(tail.length);
    expect(tail.length).toBeGreaterThan(2 * DECODE_PIECE);
    const file = path.join(tempDir('chunk-read-'), 'two-halves.txt');
    writeFileSync(file, Buffer.concat([head, tail]));
    const fd = openSync(file, 'r');
    try {
      const outer = new ChunkReader();
      const inner = new ChunkReader();
      const seen: string[] = [];
      let nested: string[] = [];
      outer.forEachLineBetween(fd, 0, head.length, true, (line) => {
        if (seen.length === 0)
          nested = inner.readLinesBetween(fd, head.length, head.length + tail.length, false);
        seen.push(line);
      });
      expect(seen).toEqual(first);
      expect(nested).toEqual(second);
      // Each reader again, its buffer kept from the first read: the same lines.
      expect(outer.readLinesBetween(fd, head.length, head.length + tail.length, false)).toEqual(second);
      expect(inner.readLinesBetween(fd, 0, head.length, true)).toEqual(first);
    } finally {
      closeSync(fd);
    }
  });
});
