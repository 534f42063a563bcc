// @vitest-environment jsdom
import path from 'node:path';
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ForumsPage from '@/app/forums/page';
import { FacetPanel } from '@/components/search/facet-panel';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { SearchEngine } from '@/lib/search/types';
import { EMPTY_STATE } from '@/lib/web/search-params';
import { tempDir } from '../../helpers/fixtures';

/** The slot `getSearchEngine` keeps the web server's engine in (lib/search/create-engine.ts). */
const SLOT = Symbol.for('ne-forum-search.search-engine');
type Slot = { [SLOT]?: SearchEngine };

let engine: EmbeddedEngine;

beforeAll(async () => {
  const { posts } = await ingest(
    [path.resolve(__dirname, '../../fixtures/captures')],
    { catalog: loadErrorCatalog(), topics: loadTopics() },
    { asOf: new Date('2026-03-20T00:00:00Z'), workers: 0 },
  );
  engine = new EmbeddedEngine(tempDir('ne-forums-page-'));
  await engine.replaceAll(posts);
  (globalThis as Slot)[SLOT] = engine;
});

afterAll(() => {
  delete (globalThis as Slot)[SLOT];
});

afterEach(cleanup);

describe('/forums', () => {
  it('lists each forum with its kind and thread count, each linking to the search filtered by it', async () => {
    const { container } = render(await ForumsPage());
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) => [
      tr.querySelector('a')!.getAttribute('href'),
      ...[...tr.children].map((cell) => cell.textContent),
    ]);
    expect(rows).toEqual([
      ['/?forum=Networking', 'Networking', 'subtopic', '3'],
      ['/?forum=General', 'General', 'subtopic', '2'],
      ['/?forum=Network+Extension', 'Network Extension', 'tag', '2'],
      ['/?forum=Privacy+%26+Security', 'Privacy & Security', 'topic', '2'],
      ['/?forum=WWDC25', 'WWDC25', 'event', '2'],
      ['/?forum=App+%26+System+Services', 'App & System Services', 'topic', '1'],
    ]);
  });
});

describe('the Forum facet of /', () => {
  const forumGroup = (container: HTMLElement) => container.querySelector('[aria-labelledby="facet-forum"]');

  it('lists each forum with its kind and count, a link toggling it, selected first', async () => {
    const state = { ...EMPTY_STATE, forum: ['WWDC25'] };
    const result = await engine.search({ filters: { forum: ['WWDC25'] } });
    const kinds = Object.fromEntries((await engine.forums()).map((f) => [f.name, f.kinds]));
    const { container } = render(
      <FacetPanel state={state} facets={result.facets} labels={{ topic: {}, code: {} }} forumKinds={kinds} />,
    );
    const group = forumGroup(container)!;
    expect(group.querySelector('h3')!.textContent).toEqual('Forum');
    const items = [...group.querySelectorAll('a')].map((a) => [
      a.getAttribute('href'),
      a.querySelector('.label')!.textContent,
      a.querySelector('.count')!.firstChild!.textContent,
    ]);
    expect(items).toEqual([
      ['/', 'WWDC25 event (selected, select to remove)', '2'],
      ['/?forum=WWDC25&forum=Networking', 'Networking subtopic', '3'],
      ['/?forum=WWDC25&forum=General', 'General subtopic', '2'],
      ['/?forum=WWDC25&forum=Network+Extension', 'Network Extension tag', '2'],
      ['/?forum=WWDC25&forum=Privacy+%26+Security', 'Privacy & Security topic', '2'],
      ['/?forum=WWDC25&forum=App+%26+System+Services', 'App & System Services topic', '1'],
    ]);
  });

  it('is left out when the index holds one forum and none is selected', () => {
    const { container } = render(
      <FacetPanel
        state={EMPTY_STATE}
        facets={{ topic: {}, api: {}, os: {}, code: {}, forum: { 'Network Extension': 20 } }}
        labels={{ topic: {}, code: {} }}
      />,
    );
    expect(forumGroup(container)).toEqual(null);
  });
});
