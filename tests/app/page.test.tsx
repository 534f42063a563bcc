// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import SearchPage from '@/app/page';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { SearchEngine } from '@/lib/search/types';
import { DUMP_PATH, tempDir } from '../helpers/fixtures';

// The search box follows typing through the app router, which a page rendered on its own has not mounted.
vi.mock('next/navigation', () => ({ useRouter: () => ({ replace: () => {}, push: () => {} }) }));

/** The slot `getSearchEngine` keeps the web server's engine in (lib/search/create-engine.ts). */
const SLOT = Symbol.for('ne-forum-search.search-engine');
type Slot = { [SLOT]?: SearchEngine };

beforeAll(async () => {
  const { posts } = await ingest(
    [DUMP_PATH],
    { catalog: loadErrorCatalog(), topics: loadTopics() },
    { asOf: new Date('2026-03-20T00:00:00Z'), workers: 0 },
  );
  const engine = new EmbeddedEngine(tempDir('ne-search-page-'));
  await engine.replaceAll(posts);
  (globalThis as Slot)[SLOT] = engine;
});

afterAll(() => {
  delete (globalThis as Slot)[SLOT];
});

afterEach(cleanup);

/** The search page of a query string, rendered. */
async function searchPage(params: Record<string, string>) {
  return render(await SearchPage({ searchParams: Promise.resolve(params) }));
}

/** The labels of the sort control, none when it is left out. */
function sortLabels(container: HTMLElement): string[] {
  return [...container.querySelectorAll('nav[aria-label="Sort results"] a')].map((a) => a.textContent ?? '');
}

describe('the search page', () => {
  it('offers every sort order above results', async () => {
    const { container } = await searchPage({ q: 'tunnel' });
    expect(sortLabels(container)).toEqual([
      'Relevance',
      'Newest activity',
      'Most viewed',
      'Most replies',
      'Most boosts',
    ]);
  });

  it('leaves the sort control out when nothing matches, keeping the count and the did-you-mean', async () => {
    const { container } = await searchPage({ q: 'tunell' });
    expect(sortLabels(container)).toEqual([]);
    expect(container.querySelector('.result-count')!.textContent).toMatch(/^0 threads/);
    expect(container.querySelector('.notice h2')!.textContent).toEqual('No threads match “tunell”');
    expect(container.querySelector('[data-testid="did-you-mean"]')!.getAttribute('href')).toEqual(
      '/?q=tunnel',
    );
  });

  it('leaves it out when filters match nothing, keeping the link to the search without them', async () => {
    const { container } = await searchPage({ q: 'tunnel', after: '2099-01' });
    expect(sortLabels(container)).toEqual([]);
    const links = [...container.querySelectorAll('.notice a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([['Search “tunnel” without filters', '/?q=tunnel']]);
  });
});
