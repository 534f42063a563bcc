import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTopics, topicBySlug } from '@/lib/catalog/topics';
import { ContentError } from '@/lib/errors';

describe('loadTopics: the taxonomy in content/topics', () => {
  const topics = loadTopics();

  it('holds the twelve topics in display order, with unique slugs', () => {
    expect(topics.map((t) => t.slug)).toEqual([
      'packet-tunnel-vpn',
      'content-filter',
      'app-proxy',
      'dns',
      'hotspot-wifi',
      'local-push',
      'system-extensions',
      'tls-certificates',
      'network-framework',
      'background-lifecycle',
      'local-network',
      'relay',
    ]);
    expect(new Set(topics.map((t) => t.slug)).size).toBe(topics.length);
  });

  it('gives every topic a name, a one-sentence description, signals and a body', () => {
    for (const t of topics) {
      expect(t.description.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length, t.slug).toBe(1);
      expect(t.apiClasses.length + t.keywords.length, t.slug).toBeGreaterThan(5);
      expect(t.bodyMarkdown.length, t.slug).toBeGreaterThan(100);
    }
    expect(topicBySlug(topics, 'packet-tunnel-vpn')?.name).toEqual('Packet tunnel & VPN');
    expect(topics.filter((t) => t.fallback).map((t) => t.slug)).toEqual(['network-framework']);
  });

  it('caches per directory: a second load returns the same array', () => {
    expect(loadTopics()).toBe(topics);
    expect(loadTopics(path.join(process.cwd(), 'content', 'topics'))).toBe(topics);
  });

  it('finds a topic by slug, or undefined', () => {
    expect(topicBySlug(topics, 'dns')?.name).toEqual('DNS');
    expect(topicBySlug(topics, 'nope')).toBeUndefined();
  });
});

describe('loadTopics: invalid and custom directories', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'topics-test-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A fresh directory holding the given files. */
  function dirWith(name: string, files: Record<string, string>): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
  }

  const valid = (name: string, order?: number) =>
    `---\nname: ${name}\ndescription: About ${name}.\n${order === undefined ? '' : `order: ${order}\n`}` +
    `apiClasses: [NEFoo]\nkeywords: [foo]\n---\n\nBody of ${name}.\n`;

  it('names the file and the field when a required field is missing', () => {
    const dir = dirWith('missing', {
      'good.md': valid('Good'),
      'bad-one.md': '---\ndescription: x\n---\nBody.',
    });
    const file = path.join(dir, 'bad-one.md');
    expect(() => loadTopics(dir)).toThrow(ContentError);
    expect(() => loadTopics(dir)).toThrow(`${file}: field "name"`);
  });

  it('names the field of an uppercase keyword, an unknown field, and a bad slug', () => {
    const upper = dirWith('upper', { 'a.md': valid('A').replace('[foo]', '[foo, VPN]') });
    expect(() => loadTopics(upper)).toThrow(
      `${path.join(upper, 'a.md')}: field "keywords.1": keywords must be lowercase`,
    );
    const unknown = dirWith('unknown', {
      'a.md': valid('A').replace('keywords:', 'keyword: [x]\nkeywords:'),
    });
    expect(() => loadTopics(unknown)).toThrow(`${path.join(unknown, 'a.md')}: field "keyword"`);
    const slug = dirWith('slug', { 'Bad_Slug.md': valid('A') });
    expect(() => loadTopics(slug)).toThrow(`${path.join(slug, 'Bad_Slug.md')}: field "slug"`);
  });

  it('sorts by order, then name, topics without order last', () => {
    const dir = dirWith('sorted', {
      'zeta.md': valid('Zeta', 1),
      'beta.md': valid('Beta', 2),
      'alpha.md': valid('Alpha', 2),
      'none.md': valid('Aardvark'),
    });
    const topics = loadTopics(dir);
    expect(topics.map((t) => [t.slug, t.order])).toEqual([
      ['zeta', 1],
      ['alpha', 2],
      ['beta', 2],
      ['none', 1000],
    ]);
    expect(topics[0]).toEqual({
      slug: 'zeta',
      name: 'Zeta',
      description: 'About Zeta.',
      apiClasses: ['NEFoo'],
      keywords: ['foo'],
      order: 1,
      weight: 1,
      fallback: false,
      bodyMarkdown: 'Body of Zeta.',
    });
  });
});
