import { beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { toIndexDocument } from '@/lib/search/document';
import { textFieldsOf } from '@/lib/search/embedded/snapshot';
import { realPosts } from '../../helpers/engines';

let posts: Post[];
beforeAll(async () => {
  posts = await realPosts();
});

describe('snapshot text fields', () => {
  it('indexes the same text fields as toIndexDocument', () => {
    const cache = new Map<string, string[]>();
    for (const p of posts) {
      const d = toIndexDocument(p);
      expect(textFieldsOf(p, cache)).toEqual([d.codeTerms, d.apiTerms, d.title, d.body]);
    }
  });
});
