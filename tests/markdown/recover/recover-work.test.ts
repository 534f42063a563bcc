import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recoverCode } from '@/lib/markdown/recover/recover-code';
import { MAX_INDENT_LEVELS } from '@/lib/markdown/recover/indentation';
import type { Segment } from '@/lib/markdown/recover/segment';
import { hostileBodies } from '../../../tools/bench/hostile-bodies';

/**
 * Work is counted, never timed: every token the tokenizer yields, and every character handed to JSON.parse.
 * Recovery runs when a thread page renders, and bodies come from captures, so a body crafted to make it read
 * itself again and again would stall every view of its thread.
 */
const work = vi.hoisted(() => ({ tokens: 0, tags: 0 }));

vi.mock('@/lib/markdown/recover/code-tokens', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/markdown/recover/code-tokens')>();
  return {
    ...actual,
    *codeTokens(...args: Parameters<typeof actual.codeTokens>) {
      for (const t of actual.codeTokens(...args)) {
        work.tokens++;
        yield t;
      }
    },
  };
});

/** And every XML tag the plist finder reads (in either layout). */
vi.mock('@/lib/markdown/recover/xml-tags', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/markdown/recover/xml-tags')>();
  return {
    ...actual,
    *xmlTags(...args: Parameters<typeof actual.xmlTags>) {
      for (const t of actual.xmlTags(...args)) {
        work.tags++;
        yield t;
      }
    },
  };
});

let parsed = 0;
beforeEach(() => {
  work.tokens = 0;
  work.tags = 0;
  parsed = 0;
  const parse = JSON.parse.bind(JSON);
  vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    parsed += text.length;
    return parse(text, reviver);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const N = 20_000;
const nested = (open: string, close: string) =>
  open.repeat(N / 2 / open.length) + close.repeat(N / 2 / close.length);
const HOSTILE = hostileBodies(N);

/**
 * Reads of the body's tokens: the stretch between fences is read once by each finder that needs tokens
 * (Swift, JSON, C), again for a few declarations inside a token that never meets the first reading (at most
 * MAX_READINGS each) or after a run that ended inside a C token (at most MAX_REREADS), plus 64 tokens of their
 * own for each such declaration. Any reading of the rest per candidate or per run is hundreds of times this.
 */
const MAX_TOKENS_PER_CHARACTER = 16;

describe('recoverCode on hostile bodies does work in proportion to the body', () => {
  it.each(HOSTILE)('reads %s (about 20,000 characters) at most 16 tokens a character', (_name, body) => {
    recoverCode(body);
    expect(work.tokens).toBeLessThanOrEqual(MAX_TOKENS_PER_CHARACTER * body.length);
    // The JSON parse budget: 4 characters parsed for each character searched, and at least 50,000.
    expect(parsed).toBeLessThanOrEqual(Math.max(50_000, 4 * body.length));
    // A tag takes three characters at least (`<a>`), and each layout's tags of a stretch are read once.
    expect(work.tags).toBeLessThanOrEqual(body.length / 3);
  });

  it('reads each tag of a plist-ish body once: as many tags as the body holds, in both layouts', () => {
    const unit = '<dict> <key>a</key> <string>b</string> ';
    const body = unit.repeat(500);
    recoverCode(body);
    expect(work.tags).toEqual(5 * 500);
    work.tags = 0;
    recoverCode(body.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
    expect(work.tags).toEqual(5 * 500);
  });

  it('reads a real-sized body and the same body twenty times over in proportion', () => {
    const post = 'We call it so: struct Config { let host = "a" } and then int x = 1; y = 2; Done. ';
    recoverCode(post);
    const once = work.tokens;
    work.tokens = 0;
    recoverCode(post.repeat(20));
    expect(work.tokens).toBeLessThanOrEqual(20 * once * 2);
  });
});

const codeBlocks = (body: string) =>
  recoverCode(body).segments.filter((s): s is Extract<Segment, { kind: 'code' }> => s.kind === 'code');

describe('recoverCode keeps its output on hostile bodies bounded', () => {
  it('indents code nested deeper than 24 levels as 24 levels deep', () => {
    const body = `struct a ${'{ '.repeat(30)}x${' }'.repeat(30)}`;
    const [block] = codeBlocks(body);
    expect(block!.lines.length).toEqual(61);
    expect(block!.lines[0]).toEqual('struct a {');
    expect(block!.lines[25]).toEqual(`${'    '.repeat(MAX_INDENT_LEVELS)}{`);
    expect(block!.lines[30]).toEqual(`${'    '.repeat(MAX_INDENT_LEVELS)}x`);
    expect(block!.lines.at(-1)).toEqual('}');
    expect(Math.max(...block!.lines.map((l) => l.length))).toEqual(4 * MAX_INDENT_LEVELS + 1);
  });

  it('lays out 5,000 nested braces as 9,999 lines of at most 99 characters (the innermost `{ }`)', () => {
    const [block] = codeBlocks(`struct a ${nested('{ ', '} ')}`);
    expect(block!.lines.length).toEqual(9999);
    expect(Math.max(...block!.lines.map((l) => l.length))).toEqual(99);
  });

  it('indents JSON nested deeper than 24 levels as 24 levels deep', () => {
    const body = `${'{"a": '.repeat(30)}1, "b": 2${'}'.repeat(30)}`;
    const [block] = codeBlocks(body);
    expect(block!.lang).toEqual('json');
    expect(Math.max(...block!.lines.map((l) => l.length - l.trimStart().length))).toEqual(
      2 * MAX_INDENT_LEVELS,
    );
  });
});

describe('recoverCode past its budgets', () => {
  const json = '{"host": "vpn.example.com", "port": 443}';
  const jsonLines = ['{', '  "host": "vpn.example.com",', '  "port": 443', '}'];

  it('still finds JSON after a few nested objects that do not parse', () => {
    const body = `See ${'{"a" '.repeat(20)}${'}'.repeat(20)} and ${json} here.`;
    expect(codeBlocks(body).map((b) => b.lines)).toEqual([jsonLines]);
  });

  it('stops trying JSON once objects that do not parse have cost four times the body', () => {
    const body = `See ${'{"a" '.repeat(2000)}${'}'.repeat(2000)} and ${json} here.`;
    expect(recoverCode(body)).toEqual({ segments: [{ kind: 'text', text: body }], removed: [] });
  });

  it('finds a Swift class after a `/*` in prose that never closes (a path like /usr/*)', () => {
    const body =
      'Files under /usr/* are skipped. public class Probe { private let host: String init(host: String) { self.host = host } } Thanks.';
    expect(codeBlocks(body).map((b) => [b.lang, b.lines])).toEqual([
      [
        'swift',
        [
          'public class Probe {',
          '    private let host: String',
          '    init(host: String) {',
          '        self.host = host',
          '    }',
          '}',
        ],
      ],
    ]);
  });

  it('reads declarations inside strings of one another as their own tokens have them', () => {
    const body = '"struct a { "'.repeat(3);
    expect(recoverCode(body)).toEqual({ segments: [{ kind: 'text', text: body }], removed: [] });
  });
});
