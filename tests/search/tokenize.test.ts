import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { indexTokens, queryTokens, rawTokens, tokenParts } from '@/lib/search/tokenize';
import { realPosts } from '../helpers/engines';
import { reference, tricky } from '../helpers/tokenizer-reference';

let posts: Post[];
beforeAll(async () => {
  posts = await realPosts();
});

describe('tokenizer scanner', () => {
  it('splits text exactly as the regular-expression tokenizer did', () => {
    const texts = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(texts, (text) => {
        expect(rawTokens(text)).toEqual(reference.raw(text));
        expect(indexTokens(text)).toEqual(reference.index(text));
        expect(queryTokens(text)).toEqual(reference.raw(text).map((t) => t.token.toLowerCase()));
        for (const { token } of rawTokens(text)) expect(tokenParts(token)).toEqual(reference.parts(token));
      }),
      { numRuns: 3000, seed: 1313 },
    );
    for (const p of posts) expect(indexTokens(p.body)).toEqual(reference.index(p.body));
  });
});
