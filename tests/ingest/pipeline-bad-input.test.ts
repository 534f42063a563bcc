import { utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { InputError } from '@/lib/errors';
import { ingest } from '@/lib/ingest/pipeline';
import { isBalanced } from '@/lib/ingest/report';
import { DUMP_TEXT, tempDir, tempFile } from '../helpers/fixtures';
import { writeFileSync } from 'node:fs';

const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
const asOf = new Date('2025-06-15T12:00:00Z');
const run = (paths: string[], options = { asOf }) => ingest(paths, context, options);

const compact = (title: string, body: string, values: string[]) => [title, body, ...values].join('\n');

describe('ingest of damaged and unusual input', () => {
  it('reads a CRLF dump with a BOM exactly like the original', async () => {
    const file = tempFile('crlf.txt', `\uFEFF${DUMP_TEXT.replace(/\n/g, '\r\n')}`);
    const { posts, report } = await run([file]);
    expect({
      read: report.read,
      accepted: report.accepted,
      merged: report.merged,
      rejected: report.rejected,
    }).toEqual({ read: 39, accepted: 20, merged: 19, rejected: 0 });
    expect(posts[0]!.title).toBe('TLS communication error between iPhone and iPad');
  });

  it('reads records without a header and with extra blank lines', async () => {
    const text = [
      compact('First post', 'Body one', ['1', '2', '30', 'May ’25']),
      '',
      '',
      compact('Second post', 'Body two', ['0', '0', '5', 'Apr ’25']),
    ].join('\n');
    const { posts, report } = await run([tempFile('plain.txt', text)]);
    expect(posts.map((p) => [p.title, p.replies, p.boosts, p.views, p.activity])).toEqual([
      ['First post', 1, 2, 30, '2025-05'],
      ['Second post', 0, 0, 5, '2025-04'],
    ]);
    expect(report.rejected).toBe(0);
  });

  it('parses k counts, thousands separators and relative activity against --as-of', async () => {
    const text = [
      compact('Popular', 'Lots of views', ['1,234', '12K', '3.3k', '2w']),
      compact('Fresh', 'Just posted', ['0', '0', '5', '5h']),
      compact('Older', 'Weeks ago', ['0', '0', '5', '3d']),
      [
        'Labelled',
        'Labelled body',
        'Replies',
        '1.2k',
        'Boosts',
        '7',
        'Views',
        '1.5M',
        'Activity',
        'now',
      ].join('\n'),
    ].join('\n');
    const { posts } = await run([tempFile('live.txt', text)]);
    expect(posts.map((p) => [p.title, p.replies, p.boosts, p.views, p.activity])).toEqual([
      ['Popular', 1234, 12000, 3300, '2025-06'],
      ['Fresh', 0, 0, 5, '2025-06'],
      ['Older', 0, 0, 5, '2025-06'],
      ['Labelled', 1200, 7, 1500000, '2025-06'],
    ]);
  });

  it('resolves relative activity against the file modification time when --as-of is not given', async () => {
    const file = tempFile('mtime.txt', compact('Dated', 'By mtime', ['0', '0', '1', '2w']));
    const when = new Date('2024-03-20T00:00:00Z');
    utimesSync(file, when, when);
    const { posts } = await ingest([file], context, {});
    expect(posts[0]!.activity).toBe('2024-03');
  });

  it('reads several dumps (and tags) concatenated in one file, merging the repeats', async () => {
    const other = [
      'Wi-Fi Aware',
      'RSS for tag',
      'Another tag description.',
      'Posts under Wi-Fi Aware tag',
      '3 Posts',
      'Post',
      'Replies',
      'Boosts',
      'Views',
      'Activity',
      compact('Aware pairing fails', 'Pairing never completes.', ['2', '0', '40', 'Jun ’25']),
    ].join('\n');
    const { posts, report } = await run([tempFile('both.txt', `${DUMP_TEXT}\n${other}\n${DUMP_TEXT}`)]);
    expect({
      read: report.read,
      accepted: report.accepted,
      merged: report.merged,
      rejected: report.rejected,
    }).toEqual({ read: 79, accepted: 21, merged: 58, rejected: 0 });
    expect(posts.at(-1)!.title).toBe('Aware pairing fails');
  });

  it('reports a record cut off at the end of the file and keeps the rest', async () => {
    const cut = DUMP_TEXT.slice(
      0,
      DUMP_TEXT.indexOf('\n', DUMP_TEXT.lastIndexOf('Flow Divert behavior') + 30),
    );
    const file = tempFile('cut.txt', cut);
    const { posts, report } = await run([file]);
    expect(report.rejects).toEqual([
      { file, line: 325, reason: 'record cut off at end of file (no counts)' },
    ]);
    expect({
      read: report.read,
      accepted: report.accepted,
      merged: report.merged,
      rejected: report.rejected,
    }).toEqual({ read: 39, accepted: 20, merged: 18, rejected: 1 });
    expect(posts.length).toBe(20);
  });

  it('rejects a damaged record with file, line and reason, and ingests the records after it', async () => {
    const text = [
      compact('Good one', 'Fine body', ['1', '0', '10', 'May ’25']),
      compact('Broken one', 'Missing views', ['1', '0']),
      compact('Good two', 'Also fine', ['2', '0', '20', 'May ’25']),
    ].join('\n');
    const file = tempFile('damaged.txt', text);
    const { posts, report } = await run([file]);
    expect(report.rejects).toEqual([
      { file, line: 7, reason: 'expected the views count, found "Good two" at line 11' },
    ]);
    expect(posts.map((p) => p.title)).toEqual(['Good one', 'Good two']);
    expect(isBalanced(report)).toBe(true);
  });

  it('rejects a record whose activity is not a date, naming the line', async () => {
    const file = tempFile('bad-activity.txt', compact('Odd date', 'Body', ['1', '0', '10', 'someday']));
    const { report } = await run([file]);
    expect(report.rejects).toEqual([
      { file, line: 1, reason: 'expected the activity (e.g. May ’25 or 3d), found "someday" at line 6' },
      { file, line: 6, reason: 'record cut off at end of file (no body)' },
    ]);
  });

  it('refuses an empty file with one sentence naming it', async () => {
    const file = tempFile('empty.txt', '');
    await expect(run([file])).rejects.toThrow(
      new InputError(`${file} is empty: there are no posts to ingest.`),
    );
  });

  it('refuses a binary file with one sentence naming it', async () => {
    const file = tempFile('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    await expect(run([file])).rejects.toThrow(
      new InputError(`${file} is not a text forum dump: it holds binary data (a NUL byte at offset 4).`),
    );
  });

  it('refuses a missing path with one sentence naming it', async () => {
    await expect(run(['/nonexistent/dump.txt'])).rejects.toThrow(
      new InputError('No such file or folder: /nonexistent/dump.txt'),
    );
  });

  it('reads every .txt dump in a folder, in name order', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'b.txt'), compact('From b', 'Body b', ['0', '0', '1', 'May ’25']));
    writeFileSync(path.join(dir, 'a.txt'), compact('From a', 'Body a', ['0', '0', '1', 'May ’25']));
    writeFileSync(path.join(dir, 'notes.md'), 'not a dump');
    const { posts, report } = await run([dir]);
    expect(posts.map((p) => p.title)).toEqual(['From a', 'From b']);
    expect(report.files.map((f) => path.basename(f.file))).toEqual(['a.txt', 'b.txt']);
  });
});
