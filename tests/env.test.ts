import { describe, expect, it } from 'vitest';
import { parseServerEnv } from '@/lib/env';
import { ConfigError } from '@/lib/errors';

describe('the server environment', () => {
  it('takes the defaults, an http(s) MEILI_HOST and an INGEST_FAULT; SITE_URL unset means the request host', () => {
    const env = parseServerEnv({ MEILI_HOST: 'http://localhost:7700', INGEST_FAULT: 'data-written:enospc' });
    const { MEILI_HOST: host, DATA_DIR: dir, INGEST_FAULT: fault, SITE_URL: site, TRUST_PROXY: trust } = env;
    expect({ host, dir, fault, site, trust }).toEqual({
      host: 'http://localhost:7700',
      dir: 'data',
      fault: { point: 'data-written', action: 'enospc' },
      site: undefined,
      trust: false,
    });
    const proxied = parseServerEnv({ SITE_URL: 'https://forums.example.com', TRUST_PROXY: '1' });
    expect({ site: proxied.SITE_URL, trust: proxied.TRUST_PROXY }).toEqual({
      site: 'https://forums.example.com',
      trust: true,
    });
  });

  it.each([
    [
      { MEILI_HOST: 'not-a-url' },
      'The environment variable MEILI_HOST is invalid: expected an http(s) URL such as http://localhost:7700, not "not-a-url".',
    ],
    [
      { MEILI_HOST: 'ftp://example.com' },
      'The environment variable MEILI_HOST is invalid: expected an http(s) URL such as http://localhost:7700, not "ftp://example.com".',
    ],
    [
      { SEARCH_ENGINE: 'elastic' },
      'The environment variable SEARCH_ENGINE is invalid: expected embedded or meilisearch, not "elastic".',
    ],
    [
      { SEARCH_CACHE_ENTRIES: 'lots' },
      'The environment variable SEARCH_CACHE_ENTRIES is invalid: expected a whole number from 0 to 100000, not "lots".',
    ],
    [
      { INGEST_FAULT: 'later:kill' },
      'The environment variable INGEST_FAULT is invalid: expected <point>:<action>, point one of data-started, data-written, manifest-written, action one of kill, enospc, erofs, not "later:kill".',
    ],
  ])('refuses %j with one sentence naming the variable', (source, message) => {
    expect(() => parseServerEnv(source)).toThrow(new ConfigError(message));
  });
});

describe('parseServerEnv: Meilisearch bounds', () => {
  it('defaults the request timeout, the task timeout and the batch size in bytes', () => {
    const env = parseServerEnv({});
    expect({
      MEILI_TIMEOUT_MS: env.MEILI_TIMEOUT_MS,
      MEILI_TASK_TIMEOUT_MS: env.MEILI_TASK_TIMEOUT_MS,
      MEILI_BATCH_BYTES: env.MEILI_BATCH_BYTES,
    }).toEqual({ MEILI_TIMEOUT_MS: 30_000, MEILI_TASK_TIMEOUT_MS: 600_000, MEILI_BATCH_BYTES: 50_000_000 });
  });

  it('reads them from the environment', () => {
    const env = parseServerEnv({
      MEILI_TIMEOUT_MS: '5000',
      MEILI_TASK_TIMEOUT_MS: '120000',
      MEILI_BATCH_BYTES: '10000000',
    });
    expect([env.MEILI_TIMEOUT_MS, env.MEILI_TASK_TIMEOUT_MS, env.MEILI_BATCH_BYTES]).toEqual([
      5000, 120_000, 10_000_000,
    ]);
  });

  it('names the variable of a bad value', () => {
    expect(() => parseServerEnv({ MEILI_TIMEOUT_MS: 'soon' })).toThrow(
      /^The environment variable MEILI_TIMEOUT_MS is invalid: /,
    );
    expect(() => parseServerEnv({ MEILI_BATCH_BYTES: '10' })).toThrow(
      /^The environment variable MEILI_BATCH_BYTES is invalid: /,
    );
  });
});
