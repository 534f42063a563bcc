import fc from 'fast-check';
import slugify from 'slugify';
import { describe, expect, it } from 'vitest';
import { postId, postSlug, titleSlugWords } from '@/lib/ingest/identify';

const reference = (title: string) =>
  slugify(title, { lower: true, strict: true, trim: true }).replace(/^-+|-+$/g, '');

describe('post identity', () => {
  it('slugs ASCII titles exactly as slugify does (the fast path)', () => {
    const alphabet = ' abcXYZ09-_$%&<>|+.,!?\'"()[]/\\:;#@*=~`^{}'.split('');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }), (title) => {
        expect(titleSlugWords(title)).toBe(reference(title));
      }),
      { numRuns: 5000, seed: 42 },
    );
  });

  it('slugs other titles with slugify', () => {
    expect(titleSlugWords('Ünïcode — Straße')).toBe('unicode-strasse');
  });

  it('gives the same id for the same title and body, and a different one when the body differs', () => {
    expect(postId('T', 'body')).toBe(postId('T', 'body'));
    expect(postId('T', 'body')).not.toBe(postId('T', 'body 2'));
    expect(postId('T', 'body')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('cuts long slugs at a word boundary before the id suffix', () => {
    expect(postSlug('word '.repeat(30), 'abcdef123456')).toBe(`${'word-'.repeat(12)}abcdef`);
  });
});
