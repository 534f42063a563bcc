import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveMeiliConfig } from '../helpers/engines';
import { tempDir } from '../helpers/fixtures';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('liveMeiliConfig: what npm run test:meili runs against', () => {
  it('reads MEILI_HOST and the master key from .env, as docker compose does', () => {
    vi.stubEnv('MEILI_HOST', undefined);
    vi.stubEnv('MEILI_MASTER_KEY', undefined);
    const dir = tempDir('live-meili-');
    writeFileSync(
      path.join(dir, '.env'),
      'MEILI_HOST=http://localhost:7700\nMEILI_MASTER_KEY=from-dot-env\nDATA_DIR=data\n',
    );
    expect(liveMeiliConfig(dir)).toEqual({ host: 'http://localhost:7700', apiKey: 'from-dot-env' });
  });

  it('lets the environment win over .env', () => {
    vi.stubEnv('MEILI_HOST', 'http://meili.internal:7700');
    vi.stubEnv('MEILI_MASTER_KEY', 'from-environment');
    const dir = tempDir('live-meili-');
    writeFileSync(
      path.join(dir, '.env'),
      'MEILI_HOST=http://localhost:7700\nMEILI_MASTER_KEY=from-dot-env\n',
    );
    expect(liveMeiliConfig(dir)).toEqual({ host: 'http://meili.internal:7700', apiKey: 'from-environment' });
  });

  it('is undefined without MEILI_HOST, so the suite reports itself skipped', () => {
    vi.stubEnv('MEILI_HOST', undefined);
    expect(liveMeiliConfig(tempDir('live-meili-'))).toEqual(undefined);
  });
});
