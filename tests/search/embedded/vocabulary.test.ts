import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Post } from '@/lib/posts/schema';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import { buildVocabulary } from '@/lib/search/vocabulary';
import { realPosts } from '../../helpers/engines';
import { tempDir } from '../../helpers/fixtures';

let posts: Post[];
beforeAll(async () => {
  posts = await realPosts();
}, 60_000);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('EmbeddedEngine.vocabulary', () => {
  it('reads, off the saved index, the vocabulary the ingest built: every word, its posts, its spelling', async () => {
    const dataDir = tempDir('ne-vocabulary-');
    await new EmbeddedEngine(dataDir).replaceAll(posts);
    const reader = new EmbeddedEngine(dataDir);
    const vocabulary = await reader.vocabulary();
    expect(vocabulary).toEqual(buildVocabulary(posts));
    expect(vocabulary.get('nehotspothelper')).toEqual({ form: 'NEHotspotHelper', count: 1 });
    expect(await reader.vocabulary()).toBe(vocabulary);
  });

  it('follows the index when another process replaces it', async () => {
    const dataDir = tempDir('ne-vocabulary-');
    const writer = new EmbeddedEngine(dataDir);
    await writer.replaceAll(posts);
    const reader = new EmbeddedEngine(dataDir);
    expect((await reader.vocabulary()).size).toEqual(1172);
    await writer.replaceAll(posts.slice(0, 2));
    const later = Date.now() + 2000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    expect(await reader.vocabulary()).toEqual(buildVocabulary(posts.slice(0, 2)));
  });
});
