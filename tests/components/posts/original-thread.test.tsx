import { describe, expect, it } from 'vitest';
import { repliesSentence } from '@/components/posts/original-thread';

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
