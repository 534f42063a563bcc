// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RelaxedNotice } from '@/components/search/relaxed-notice';
import { EMPTY_STATE, parseSearchParams } from '@/lib/web/search-params';
import { stateToParams } from '@/lib/web/search-url';

afterEach(cleanup);

describe('RelaxedNotice', () => {
  it('names the words the threads do without and links the same search with every word required', () => {
    const state = { ...EMPTY_STATE, q: 'safari never shows prompt', topic: ['vpn'], page: 3 };
    const { container } = render(<RelaxedNotice state={state} words={['never', 'prompt']} />);
    expect(container.textContent).toEqual(
      'No thread has every word. Showing threads without: never, prompt. Require every word',
    );
    expect(container.querySelector('a')!.getAttribute('href')).toEqual(
      '/?q=safari+never+shows+prompt&topic=vpn&strict=1',
    );
  });

  it('strict=1 round-trips through the URL; other values are refused', () => {
    const { state } = parseSearchParams(new URLSearchParams('q=a+b&strict=1'));
    expect({ strict: state.strict, url: stateToParams(state).toString() }).toEqual({
      strict: true,
      url: 'q=a+b&strict=1',
    });
    expect(parseSearchParams(new URLSearchParams('q=a')).state.strict).toEqual(undefined);
    expect(() => parseSearchParams(new URLSearchParams('strict=yes'))).toThrow(/strict/);
  });
});
