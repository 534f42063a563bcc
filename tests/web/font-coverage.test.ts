import { describe, expect, it } from 'vitest';
import { cardFont } from '@/lib/web/og-font';

describe('cardFont', () => {
  it('keeps Latin text and leaves out the characters Geist has no glyph for (Chinese, emoji)', () => {
    expect(cardFont().keep('VPN 连接失败 ✅ works — “quoted” -9836')).toEqual('VPN works — “quoted” -9836');
  });
});
