import { describe, expect, it } from 'vitest';
import { parseServerEnv } from '@/lib/env';

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
      /^Invalid environment: MEILI_TIMEOUT_MS: /,
    );
    expect(() => parseServerEnv({ MEILI_BATCH_BYTES: '10' })).toThrow(
      /^Invalid environment: MEILI_BATCH_BYTES: /,
    );
  });
});
