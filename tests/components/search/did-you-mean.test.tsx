// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DidYouMeanNotice } from '@/components/search/did-you-mean';
import { NoResults } from '@/components/search/no-results';
import { EMPTY_STATE } from '@/lib/web/search-params';

afterEach(cleanup);

describe('DidYouMeanNotice', () => {
  it('links the corrected query with the same filters, from the first page', () => {
    const state = { ...EMPTY_STATE, q: 'contnet fitler', topic: ['content-filter'], page: 2 };
    const { container } = render(<DidYouMeanNotice state={state} suggestion="content filter" />);
    expect(container.textContent).toEqual('Did you mean content filter?');
    expect(container.querySelector('a')!.getAttribute('href')).toEqual(
      '/?q=content+filter&topic=content-filter',
    );
  });
});

describe('NoResults', () => {
  it('offers the corrected query first when there is one, and only then', () => {
    const state = { ...EMPTY_STATE, q: 'vpm' };
    const withSuggestion = render(<NoResults state={state} suggestion="vpn" />);
    expect([...withSuggestion.container.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Did you mean vpn?',
      'Try fewer words, an error code such as -9836, or an API name such as NWConnection.',
    ]);
    cleanup();
    const without = render(<NoResults state={state} />);
    expect(without.container.querySelector('[data-testid="did-you-mean"]')).toEqual(null);
  });
});
