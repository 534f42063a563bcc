import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngest } from '@/lib/cli/ingest-command';
import { captureIO, DUMP_PATH, tempDir, tempFile } from '../helpers/fixtures';

/** The real dump's tag page cut right after its header (its first 19 lines, ending at the `Activity` column). */
const HEADER_ONLY = path.resolve(__dirname, '../fixtures/captures/header-only.txt');

const ingestInto = (paths: string[]) => {
  const capture = captureIO();
  const args = [...paths, '--data-dir', tempDir('ne-header-only-'), '--engine', 'embedded'];
  return { capture, run: runIngest([...args, '--as-of', '2025-06-01'], capture.io) };
};

describe('npm run ingest of a capture that holds a header and no complete record', () => {
  it('says so in the summary and indexes the other inputs (exit 0, nothing rejected)', async () => {
    const { capture, run } = ingestInto([HEADER_ONLY, DUMP_PATH]);
    expect(await run).toBe(0);
    const text = capture.out.join('\n');
    expect(text).toContain(
      `  ${HEADER_ONLY}: 0 read, 0 accepted, 0 merged, 0 rejected (header only, no complete record: 10 header lines)`,
    );
    expect(text).toContain(`  ${DUMP_PATH}: 39 read, 20 accepted, 19 merged, 0 rejected\n`);
    expect(text).toContain('Records: 39 read = 20 accepted + 19 merged + 0 rejected');
    expect(text).toContain('Posts indexed: 20');
    expect(capture.err).toEqual([]);
  });

  it('says so for a capture cut inside the title of its first record too, naming the cut record', async () => {
    const cut = tempFile(
      'cut-in-title.txt',
      `${readFileSync(HEADER_ONLY, 'utf8')}\nContent filter blocks DNS over HTTPS\n`,
    );
    const { capture, run } = ingestInto([cut, DUMP_PATH]);
    expect(await run).toBe(0);
    expect(capture.out.join('\n')).toContain(
      `  ${cut}: 1 read, 0 accepted, 0 merged, 1 rejected (header only, no complete record: 10 header lines)`,
    );
    expect(capture.err).toEqual([`rejected ${cut}:21: record cut off at end of file (no body)`]);
  });

  it('is still no post at all when it is the only input (exit 1, the index left as it was)', async () => {
    const { capture, run } = ingestInto([HEADER_ONLY]);
    expect(await run).toBe(1);
    expect(capture.out.join('\n')).toContain('(header only, no complete record: 10 header lines)');
    expect(capture.err).toEqual([
      `No posts could be read from ${HEADER_ONLY}: the index was left as it was.`,
    ]);
  });
});
