import { beforeAll, describe, expect, it } from 'vitest';
import { loadErrorCatalog } from '@/lib/catalog/error-catalog';
import { loadTopics } from '@/lib/catalog/topics';
import { postId, postSlug } from '@/lib/ingest/identify';
import { ingest, type IngestResult } from '@/lib/ingest/pipeline';
import type { Post } from '@/lib/posts/schema';
import { DUMP_PATH } from '../helpers/fixtures';

const context = { catalog: loadErrorCatalog(), topics: loadTopics() };
const asOf = new Date('2025-06-01T00:00:00Z');
let first: IngestResult;
let second: IngestResult;
const byTitle = (title: string): Post => first.posts.find((p) => p.title === title)!;

beforeAll(async () => {
  first = await ingest([DUMP_PATH], context, { asOf });
  second = await ingest([DUMP_PATH], context, { asOf });
});

describe('ingesting the real dump end to end', () => {
  it('accounts for every record: 39 read = 20 accepted + 19 merged + 0 rejected', () => {
    const { read, accepted, merged, rejected } = first.report;
    expect({ read, accepted, merged, rejected }).toEqual({ read: 39, accepted: 20, merged: 19, rejected: 0 });
    expect(first.posts.length).toBe(20);
  });

  it('gives the same ids and slugs on every run', () => {
    expect(second.posts.map((p) => [p.id, p.slug])).toEqual(first.posts.map((p) => [p.id, p.slug]));
  });

  it('derives readable, unique slugs from titles', () => {
    const tls = byTitle('TLS communication error between iPhone and iPad');
    expect(tls.id).toBe(postId(tls.title, tls.body));
    expect(tls.slug).toBe(`tls-communication-error-between-iphone-and-ipad-${tls.id.slice(0, 6)}`);
    expect(new Set(first.posts.map((p) => p.slug)).size).toBe(20);
    expect(postSlug('Ünïcode — only!', 'abcdef123456')).toBe('unicode-only-abcdef');
    expect(postSlug('日本語', 'abcdef123456')).toBe('post-abcdef');
  });

  it('keeps the two posts sharing a title as two records with their own counts', () => {
    const same = first.posts.filter((p) => p.title === 'Packet Tunnel Provider with Per App VPN debugging');
    expect(same.map((p) => [p.views, p.source.line])).toEqual([
      [194, 63],
      [120, 111],
    ]);
    expect(same[0]!.id).not.toBe(same[1]!.id);
  });

  it('enriches the TLS thread with its code, APIs, OS versions and topics', () => {
    const tls = byTitle('TLS communication error between iPhone and iPad');
    expect(tls.errorCodes).toEqual(['-9836']);
    expect(tls.errorCodeVariants).toEqual(['-9836', '9836', 'errsslpeerprotocolversion']);
    expect(tls.osVersions).toEqual(['iPadOS 16.6', 'iOS 18.3.2']);
    expect(tls.apiClasses.slice(0, 2)).toEqual(['NWProtocolTLS.Options', 'NWProtocolTCP.Options']);
    expect(tls.apiClasses).toContain('sec_protocol_options_set_local_identity');
    expect(tls.topics[0]).toBe('tls-certificates');
    expect({ replies: tls.replies, boosts: tls.boosts, views: tls.views, activity: tls.activity }).toEqual({
      replies: 3,
      boosts: 0,
      views: 265,
      activity: '2025-05',
    });
    expect(tls.source).toEqual({ file: DUMP_PATH, line: 21 });
  });

  it('enriches the VoIP, system extension and IP_RECVIF threads', () => {
    expect(byTitle('0xBAADCA11 Occurs when VoIP Call Incoming (APNs Push Notification)').errorCodes).toEqual([
      '0xBAADCA11',
    ]);
    const sysext = byTitle('NE System Extension stuck on Validation By Category');
    expect({ errorCodes: sysext.errorCodes, osVersions: sysext.osVersions }).toEqual({
      errorCodes: ['OSSystemExtensionErrorDomain 1'],
      osVersions: ['macOS 15.0'],
    });
    const recvif = byTitle('Non-functioning IP_RECVIF on sockets proxied with NETransparentProxyProvider');
    expect({ feedbackIds: recvif.feedbackIds, apiClasses: recvif.apiClasses }).toEqual({
      feedbackIds: ['FB17586550'],
      apiClasses: ['IP_RECVIF', 'NETransparentProxyProvider', 'IPV6_PKTINFO'],
    });
  });

  it('decodes entities in the stored body', () => {
    const bg = byTitle('BGAppRefreshTask Canceled Immediately by dasd in Network Extension');
    expect(bg.body).toContain('on <LSApplicationRecord 0x724844650> default');
  });

  it('gives every post one to three topics', () => {
    for (const p of first.posts) {
      expect(p.topics.length).toBeGreaterThanOrEqual(1);
      expect(p.topics.length).toBeLessThanOrEqual(3);
    }
  });
});
