import { afterEach, describe, expect, it, vi } from 'vitest';
import { shareImage } from '@/lib/web/share-image';

afterEach(() => vi.unstubAllGlobals());

describe('shareImage', () => {
  it('draws a PNG for a title and subtitle with Chinese and ✅ without any network request', async () => {
    // next/og reads its own wasm through a data: URL; anything else would be the network.
    const realFetch = globalThis.fetch;
    const network: string[] = [];
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith('data:')) return realFetch(input, init);
      network.push(url);
      return Promise.reject(new Error('network blocked'));
    });
    const response = shareImage(
      {
        kicker: 'Network Extension',
        title: 'VPN 连接失败 ✅ NEPacketTunnelProvider',
        subtitle: '对端不支持 ✅ the TLS version',
        facts: ['3 replies', '120 views'],
        tags: ['-9836', 'NWConnection', '✅'],
      },
      'NE Forum Search',
    );
    const png = new Uint8Array(await response.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(response.headers.get('content-type')).toEqual('image/png');
    expect(network).toEqual([]);
  });
});
