// @vitest-environment jsdom
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { ingest } from '@/lib/ingest/pipeline';
import type { Post } from '@/lib/posts/schema';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { onOrigin } from '@/lib/web/absolute-url';
import { apiHref, errorHref, postHref, topicHref } from '@/lib/web/post-links';
import { collectSitePaths } from '@/lib/web/site-paths';
import { sitemapXml } from '@/lib/web/sitemap';
import { writeCorpus } from '@/tools/corpus/dump-writer';
import { buildWordPools } from '@/tools/corpus/word-pools';
import { tempDir } from '../helpers/fixtures';
import { parseSitemap } from '../helpers/sitemap-xml';

const catalog = loadErrorCatalog();
const topics = loadTopics();
const absolute = onOrigin('https://kb.example.org');

describe('collectSitePaths on a 3,000-post generated corpus', () => {
  let posts: Post[];
  let paths: string[];

  beforeAll(async () => {
    const file = path.join(tempDir('ne-sitemap-'), 'corpus.txt');
    await writeCorpus(file, { posts: 3000, seed: 'sitemap' }, buildWordPools(catalog, topics));
    ({ posts } = await ingest([file], { catalog, topics }, { asOf: new Date('2025-06-01T00:00:00Z') }));
    const engine = new EmbeddedEngine(tempDir('ne-sitemap-index-'));
    await engine.replaceAll(posts);
    paths = await collectSitePaths({
      engine,
      catalogCodes: catalog.entries.map((e) => e.code),
      topicSlugs: topics.map((t) => t.slug),
    });
  }, 60_000);

  it('lists the five lists and every thread, error code (catalogued or seen), API and topic page once', () => {
    const codes = new Set([...catalog.entries.map((e) => e.code), ...posts.flatMap((p) => p.errorCodes)]);
    const apis = new Set(posts.flatMap((p) => p.apiClasses));
    const expected = [
      '/',
      '/errors',
      '/apis',
      '/topics',
      '/forums',
      ...posts.map((p) => postHref(p.slug)),
      ...[...codes].map(errorHref),
      ...[...apis].map(apiHref),
      ...topics.map((t) => topicHref(t.slug)),
    ];
    expect(posts.length).toEqual(3000);
    expect(paths.length).toEqual(expected.length);
    expect(new Set(paths).size).toEqual(paths.length);
    expect([...paths].sort()).toEqual(expected.sort());
  });

  it('splits into parts of at most the limit that together list every path once (limit 1,000 here)', () => {
    const limit = 1000;
    const parts = Math.ceil(paths.length / limit);
    expect(parts).toEqual(4);
    expect(parseSitemap(sitemapXml(paths, absolute, 0, limit)!).locs).toEqual(
      [1, 2, 3, 4].map((n) => `https://kb.example.org/sitemap.xml?part=${n}`),
    );
    const listed: string[] = [];
    for (let part = 1; part <= parts; part++) {
      const { root, locs } = parseSitemap(sitemapXml(paths, absolute, part, limit)!);
      expect(root).toEqual('urlset');
      expect(locs.length).toBeLessThanOrEqual(limit);
      listed.push(...locs);
    }
    expect(listed).toEqual(paths.map(absolute));
    expect(sitemapXml(paths, absolute, parts + 1, limit)).toEqual(null);
  });
});
