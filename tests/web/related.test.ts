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
  it('scores two points per shared error code and one per shared API class', () => {
    const a = { ...posts[0]!, errorCodes: ['-9836', '-9806'], apiClasses: ['NWConnection', 'NWListener'] };
    const b = {
      ...posts[1]!,
      errorCodes: ['-9836'],
      apiClasses: ['NWConnection', 'NWListener', 'NEVPNManager'],
    };
    expect(relatedScore(a, b)).toEqual(4);
  });

  it('ranks by score, drops the thread itself, duplicates and unrelated threads', () => {
    const [a, b, c] = posts as [Post, Post, Post];
    const me = { ...a, apiClasses: ['X', 'Y'], errorCodes: [] };
    const one = { ...b, apiClasses: ['X'], errorCodes: [] };
    const two = { ...c, apiClasses: ['X', 'Y'], errorCodes: [] };
    const none = { ...posts[3]!, apiClasses: ['Z'], errorCodes: [] };
    expect(rankRelated(me, [me, one, two, one, none]).map((p) => p.id)).toEqual([two.id, one.id]);
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
