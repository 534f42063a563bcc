import { describe, expect, it } from 'vitest';
import { parseServerEnv } from '@/lib/env';
import { FALLBACK_ORIGIN, originFrom, validHost } from '@/lib/web/request-origin';

const reader = (headers: Record<string, string>) => (name: string) => headers[name] ?? null;
const direct = { SITE_URL: undefined, TRUST_PROXY: false };
const proxied = { SITE_URL: undefined, TRUST_PROXY: true };

describe('originFrom', () => {
  it('uses SITE_URL whatever the request says', () => {
    const env = { SITE_URL: 'https://kb.example.com/', TRUST_PROXY: true };
    expect(originFrom(reader({ host: 'evil.example', 'x-forwarded-host': 'evil.example' }), env)).toEqual(
      'https://kb.example.com',
    );
  });

  it('uses the request Host, port included, when SITE_URL is unset', () => {
    expect(originFrom(reader({ host: '127.0.0.1:4613' }), direct)).toEqual('http://127.0.0.1:4613');
    expect(originFrom(reader({ host: 'KB.Example.com' }), direct)).toEqual('http://kb.example.com');
    expect(originFrom(reader({ host: '[::1]:3000' }), direct)).toEqual('http://[::1]:3000');
  });

  it('ignores X-Forwarded-Host and -Proto unless TRUST_PROXY=1', () => {
    const headers = reader({
      host: 'app:3000',
      'x-forwarded-host': 'kb.example.com, app',
      'x-forwarded-proto': 'https',
    });
    expect(originFrom(headers, direct)).toEqual('http://app:3000');
    expect(originFrom(headers, proxied)).toEqual('https://kb.example.com');
  });

  it('falls back to http://localhost for a host that is not a valid host name', () => {
    for (const host of [
      'evil.example/"><script>',
      'a b',
      'x:99999',
      '',
      '-bad.example',
      'a..b',
      'user@host',
    ]) {
      expect(originFrom(reader({ host }), direct)).toEqual(FALLBACK_ORIGIN);
    }
    expect(originFrom(reader({}), direct)).toEqual(FALLBACK_ORIGIN);
    expect(originFrom(reader({ host: 'ok.example', 'x-forwarded-host': 'bad/host' }), proxied)).toEqual(
      'http://ok.example',
    );
  });

  it('accepts names, IPv4 and bracketed IPv6 with ports in range only', () => {
    expect(['localhost', 'a-b.c', '10.0.0.1:65535', '[fe80::1]'].map(validHost)).toEqual([
      'localhost',
      'a-b.c',
      '10.0.0.1:65535',
      '[fe80::1]',
    ]);
    expect(['localhost:65536', 'a_b.c', 'x.-y'].map(validHost)).toEqual([null, null, null]);
  });
});

describe('TRUST_PROXY and SITE_URL in the environment', () => {
  it('are off and unset by default, and TRUST_PROXY=1 turns trust on', () => {
    expect(parseServerEnv({})).toMatchObject({ TRUST_PROXY: false });
    expect(parseServerEnv({}).SITE_URL).toEqual(undefined);
    expect(parseServerEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toEqual(true);
    expect(() => parseServerEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
