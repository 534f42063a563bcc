import { describe, expect, it } from 'vitest';
import { EngineUnavailableError, ParamError } from '@/lib/errors';
import { ENGINE_DOWN, isEngineUnavailable, unlessEngineDown } from '@/lib/web/engine-status';

describe('unlessEngineDown', () => {
  it('gives what the load resolves to', async () => {
    expect(await unlessEngineDown(Promise.resolve({ total: 3 }))).toEqual({ total: 3 });
  });

  it('gives ENGINE_DOWN when the engine is unavailable, also for an error of that name from another copy', async () => {
    expect(await unlessEngineDown(Promise.reject(new EngineUnavailableError('no index')))).toBe(ENGINE_DOWN);
    const copy = Object.assign(new Error('no index'), { name: 'EngineUnavailableError' });
    expect(await unlessEngineDown(Promise.reject(copy))).toBe(ENGINE_DOWN);
  });

  it('throws any other failure on', async () => {
    const bad = new ParamError('page', 'expected a number');
    await expect(unlessEngineDown(Promise.reject(bad))).rejects.toBe(bad);
    expect(isEngineUnavailable(bad)).toBe(false);
  });
});
