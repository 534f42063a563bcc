import { describe, expect, it } from 'vitest';
import { siteIdentity } from '@/lib/web/site-identity';
import { threadShareCard } from '@/lib/web/thread-share-card';
import { realPosts } from '../helpers/engines';

describe('threadShareCard', () => {
  it('names the forums the thread was seen under, its counts, codes and API classes', async () => {
    const post = (await realPosts()).find(
      (p) => p.title === 'TLS communication error between iPhone and iPad',
    )!;
    expect(threadShareCard(post, 'NE Forum Search')).toEqual({
      kicker: 'Apple Developer Forums · Network Extension',
      title: 'TLS communication error between iPhone and iPad',
      facts: ['3 replies', '265 views'],
      tags: [...post.errorCodes, ...post.apiClasses],
    });
    expect(post.errorCodes).toEqual(['-9836']);
  });

  it('lists every forum of a thread seen under several, and the bundled forum for a post that names none', async () => {
    const [post] = await realPosts();
    const several = {
      ...post!,
      forums: [
        { name: 'Network Extension', kind: 'tag' as const },
        { name: 'Networking', kind: 'subtopic' as const },
      ],
    };
    expect(threadShareCard(several, 'NE Forum Search').kicker).toEqual(
      'Apple Developer Forums · Network Extension, Networking',
    );
    expect(threadShareCard({ ...post!, forums: [] }, 'NE Forum Search').kicker).toEqual(
      'Apple Developer Forums · Network Extension',
    );
  });

  it('says "Apple Developer Forums" once: under a site whose name says it, the kicker is the forums alone', async () => {
    const [post] = await realPosts();
    const several = {
      ...post!,
      forums: [
        { name: 'Network Extension', kind: 'tag' as const },
        { name: 'Networking', kind: 'subtopic' as const },
      ],
    };
    const site = siteIdentity([
      { name: 'Network Extension', kinds: ['tag'], count: 23 },
      { name: 'Networking', kinds: ['subtopic'], count: 6 },
    ]).name;
    expect(site).toEqual('Apple Developer Forums search');
    expect(threadShareCard(several, site).kicker).toEqual('Network Extension, Networking');
  });
});
