// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OriginalThread, repliesSentence } from '@/components/posts/original-thread';
import { Post } from '@/lib/posts/schema';

afterEach(cleanup);

/** A post as the index holds it, with or without the thread id its capture carried. */
function post(threadId: string | null, replies = 13): Post {
  return Post.parse({
    title: 'TLS communication error between iPhone and iPad',
    body: 'We are implementing a connection between iPad and iPhone devices using LocalPushConnectivity.',
    replies,
    boosts: 0,
    views: 265,
    activity: '2025-05',
    created: null,
    forums: [],
    source: { file: 'capture.txt', line: 21 },
    threadId,
    id: '04be195eb2bf',
    slug: 'tls-communication-error-between-iphone-and-ipad-04be19',
    topics: [],
    apiClasses: [],
    osVersions: [],
    os: [],
    errorCodes: [],
    errorCodeVariants: [],
    feedbackIds: [],
  });
}

/** The paragraph's text and its one link's text, href and rel. */
function shown(p: Post) {
  const { container } = render(<OriginalThread post={p} />);
  const links = [...container.querySelectorAll('a')];
  expect(links).toHaveLength(1);
  const [a] = links as [HTMLAnchorElement];
  return { text: container.textContent, link: a.textContent, href: a.getAttribute('href'), rel: a.rel };
}

describe('repliesSentence', () => {
  it('says where the replies live, in the right number', () => {
    expect([0, 1, 2, 1234].map(repliesSentence)).toEqual([
      'No replies when captured; any answers are on the Apple Developer Forums.',
      'The reply lives on the Apple Developer Forums.',
      'The 2 replies live on the Apple Developer Forums.',
      'The 1,234 replies live on the Apple Developer Forums.',
    ]);
  });
});

describe('OriginalThread', () => {
  it('opens the thread itself when its capture carried the thread id', () => {
    expect(shown(post('781234'))).toEqual({
      text: 'The 13 replies live on the Apple Developer Forums. Open this thread on Apple Developer Forums',
      link: 'Open this thread on Apple Developer Forums',
      href: 'https://developer.apple.com/forums/thread/781234',
      rel: 'external noopener',
    });
  });

  it('finds the thread by its exact title otherwise, as for every post stored before thread ids', () => {
    const { threadId: _dropped, ...older } = post(null, 1);
    void _dropped;
    for (const p of [post(null, 1), Post.parse(older)])
      expect(shown(p)).toEqual({
        text: 'The reply lives on the Apple Developer Forums. Find this thread on Apple Developer Forums',
        link: 'Find this thread on Apple Developer Forums',
        href: 'https://developer.apple.com/forums/search?q=%22TLS%20communication%20error%20between%20iPhone%20and%20iPad%22',
        rel: 'external noopener',
      });
  });
});
