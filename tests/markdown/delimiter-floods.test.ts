import { describe, expect, it } from 'vitest';
import { escapeDelimiterFloods, MAX_DELIMITERS } from '@/lib/markdown/delimiter-floods';
import { renderPostBody } from '@/lib/markdown/render';
import { realPosts } from '../helpers/engines';

describe('escapeDelimiterFloods', () => {
  it('leaves prose with up to the limit of emphasis and bracket characters as it is', () => {
    const prose = `Use *this* and [that]. ${'_'.repeat(MAX_DELIMITERS - 4)}`;
    expect(escapeDelimiterFloods(prose)).toEqual(prose);
  });

  it('makes every * and _ literal past the limit, and every [ and ] past the limit, each kind on its own', () => {
    const emphasis = `*a* ${'/*'.repeat(MAX_DELIMITERS)} [b]`;
    expect(escapeDelimiterFloods(emphasis)).toEqual(`\\*a\\* ${'/\\*'.repeat(MAX_DELIMITERS)} [b]`);
    const brackets = `*a* ${'[['.repeat(MAX_DELIMITERS / 2 + 1)}`;
    expect(escapeDelimiterFloods(brackets)).toEqual(`*a* ${'\\[\\['.repeat(MAX_DELIMITERS / 2 + 1)}`);
  });

  it('changes no post of the bundled dump', async () => {
    const posts = await realPosts();
    expect(posts.filter((p) => escapeDelimiterFloods(p.body) !== p.body).map((p) => p.title)).toEqual([]);
  });
});

describe('renderPostBody with a flood of delimiters', () => {
  it('shows a body of 20,000 characters of /* as the text it is, with no emphasis', () => {
    const body = 'Crash log: ' + '/*'.repeat(10_000);
    const html = renderPostBody(body);
    expect(html).toEqual(`<p>Crash log: ${'/*'.repeat(10_000)}</p>`);
  });

  it('still renders the emphasis of an ordinary post', () => {
    expect(renderPostBody('The *first* packet is dropped.')).toEqual(
      '<p>The <em>first</em> packet is dropped.</p>',
    );
  });
});
