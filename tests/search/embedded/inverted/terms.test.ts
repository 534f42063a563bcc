import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { collectTermIds, TermTable } from '@/lib/search/embedded/inverted/terms';
import { indexTokens } from '@/lib/search/tokenize';
import { realPosts } from '../../../helpers/engines';
import { tricky } from '../../../helpers/tokenizer-reference';

let posts: Post[];
beforeAll(async () => {
  posts = await realPosts();
});

describe('term table', () => {
  it('looks up the same terms as indexTokens, in order, through the term table', () => {
    const table = new TermTable();
    const ids = (text: string) => {
      const out = new Int32Array(2 * text.length + 1);
      return Array.from(out.subarray(0, collectTermIds(text, table, out)), (id) => table.terms[id]);
    };
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        expect(ids(text)).toEqual(indexTokens(text));
      }),
      { seed: 1313 },
    );
    for (const p of posts) expect(ids(`${p.title} ${p.body}`)).toEqual(indexTokens(`${p.title} ${p.body}`));
    expect(ids('NEHotspotHelper 0xBAADCA11 hotspot')).toEqual([
      'nehotspothelper',
      'ne',
      'hotspot',
      'helper',
      '0xbaadca11',
      'baadca11',
      'hotspot',
    ]);
  });
});
