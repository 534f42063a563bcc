import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@/lib/search/embedded/engine';
import type { Post } from '@/lib/posts/schema';
import { toApiHit } from '@/lib/web/api-response';
import { rankRelated, relatedPosts, relatedScore } from '@/lib/web/related';
import { tempDir } from '../helpers/fixtures';
import { realPosts } from '../helpers/engines';

let posts: Post[];
let engine: EmbeddedEngine;

beforeAll(async () => {
  posts = await realPosts();
  engine = new EmbeddedEngine(tempDir('ne-web-related-'));
  await engine.replaceAll(posts);
});

const byTitle = (title: string) => posts.filter((p) => p.title === title);

describe('related threads', () => {
  it('scores shared codes above shared API classes above shared topics above alike titles', () => {
    const base = {
      ...posts[0]!,
      title: 'zzz',
      topics: [] as string[],
      errorCodes: [] as string[],
      apiClasses: [] as string[],
    };
    const a = {
      ...base,
      title: 'aaa',
      errorCodes: ['-9836', '-9806'],
      apiClasses: ['NWConnection', 'NWListener'],
      topics: ['dns'],
    };
    const b = {
      ...base,
      title: 'bbb',
      errorCodes: ['-9836'],
      apiClasses: ['NWConnection', 'NWListener', 'NEVPNManager'],
      topics: ['dns'],
    };
    expect(relatedScore(a, b)).toEqual(100 + 20 + 1);
    const text = (title: string, body = '') => ({ ...base, title, body });
    // Two of its four telling title words (`on` is not one) are in the other thread's text.
    expect(
      relatedScore(text('Packet tunnel crash on wake'), text('The tunnel stops', 'after a crash')),
    ).toEqual((0.99 * 2) / 4);
    expect(relatedScore(text('The VPN'), text('Nothing alike'))).toEqual(0);
  });

  it('ranks by score, drops the thread itself, duplicates and unrelated threads', () => {
    const [a, b, c] = posts as [Post, Post, Post];
    const me = { ...a, apiClasses: ['X', 'Y'], errorCodes: [] };
    const one = { ...b, apiClasses: ['X'], errorCodes: [] };
    const two = { ...c, apiClasses: ['X', 'Y'], errorCodes: [] };
    const none = { ...posts[3]!, apiClasses: ['Z'], errorCodes: [] };
    expect(rankRelated(me, [me, one, two, one, none]).map((p) => p.id)).toEqual([two.id, one.id]);
  });

  it('gives every thread of the bundled dump related threads, never itself, most related first', async () => {
    const counts: number[] = [];
    for (const post of posts) {
      const related = await relatedPosts(engine, post);
      expect(related.map((p) => p.id).includes(post.id)).toEqual(false);
      const scores = related.map((p) => relatedScore(post, p));
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      counts.push(related.length);
    }
    expect(counts.filter((n) => n === 0)).toEqual([]);
  });

  it('finds the other "Packet Tunnel Provider with Per App VPN debugging" thread through NEPacketTunnelProvider', async () => {
    const [first, second] = byTitle('Packet Tunnel Provider with Per App VPN debugging') as [Post, Post];
    const related = await relatedPosts(engine, first);
    expect(related.map((p) => p.id).includes(second.id)).toEqual(true);
    expect(related.map((p) => p.id).includes(first.id)).toEqual(false);
  });
});

describe('JSON API hit', () => {
  it('flattens the post beside the snippet, leaving index-only fields out', async () => {
    const result = await engine.search({ q: '-9836', perPage: 1 });
    const hit = toApiHit(result.hits[0]!);
    expect(Object.keys(hit)).toEqual([
      'id',
      'slug',
      'title',
      'snippet',
      'replies',
      'boosts',
      'views',
      'activity',
      'topics',
      'apiClasses',
      'osVersions',
      'errorCodes',
      'forums',
      'threadId',
    ]);
    expect({
      title: hit.title,
      replies: hit.replies,
      views: hit.views,
      activity: hit.activity,
      errorCodes: hit.errorCodes,
    }).toEqual({
      title: 'TLS communication error between iPhone and iPad',
      replies: 3,
      views: 265,
      activity: '2025-05',
      errorCodes: ['-9836'],
    });
  });
});
