// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSummary } from '@/components/search/result-summary';
import { EMPTY_STATE } from '@/lib/web/search-params';

afterEach(cleanup);

/** The count line's text and its links. */
function summary(props: Parameters<typeof ResultSummary>[0]) {
  const { container } = render(<ResultSummary {...props} />);
  const line = container.querySelector('p.result-count')!;
  return {
    text: line.textContent,
    links: [...line.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]),
  };
}

describe('ResultSummary', () => {
  it('on a page past the last, says there is no such page and links to the last, with no count of shown threads', () => {
    expect(
      summary({ state: { ...EMPTY_STATE, page: 2 }, total: 20, tookMs: 0.4, page: 2, perPage: 20 }),
    ).toEqual({
      text: '20 threads — there is no page 2; the last is page 1',
      links: [['page 1', '/']],
    });
    const state = { ...EMPTY_STATE, q: 'tunnel', page: 9 };
    expect(summary({ state, total: 41, tookMs: 1.25, page: 9, perPage: 20 })).toEqual({
      text: '41 threads — there is no page 9; the last is page 3',
      links: [['page 3', '/?q=tunnel&page=3']],
    });
    expect(
      summary({ state: { ...EMPTY_STATE, page: 2 }, total: 1, tookMs: 0, page: 2, perPage: 20 }).text,
    ).toEqual('1 thread — there is no page 2; the last is page 1');
  });

  it('on a page in range, counts the matches, which are shown, and the time with one decimal', () => {
    const state = { ...EMPTY_STATE, q: 'tunnel', page: 2 };
    expect(summary({ state, total: 41, tookMs: 1.25, page: 2, perPage: 20 })).toEqual({
      text: '41 threads (showing 21–40) · 1.3 ms',
      links: [],
    });
    expect(summary({ state: EMPTY_STATE, total: 20, tookMs: 0, page: 1, perPage: 20 }).text).toEqual(
      '20 threads',
    );
    expect(
      summary({ state: { ...EMPTY_STATE, page: 3 }, total: 0, tookMs: 0, page: 3, perPage: 20 }).text,
    ).toEqual('0 threads');
  });
});
