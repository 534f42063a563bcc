import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Run `npm start` (its script, compiled on the fly) with an environment on top of ours. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', '0'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MEILI_HOST: '', SEARCH_ENGINE: '', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start with a configuration that selects no engine', () => {
  it.each([
    [
      { MEILI_HOST: 'not-a-url' },
      'The environment variable MEILI_HOST is invalid: expected an http(s) URL such as http://localhost:7700, not "not-a-url".',
    ],
    [
      { SEARCH_ENGINE: 'elastic' },
      'The environment variable SEARCH_ENGINE is invalid: expected embedded or meilisearch, not "elastic".',
    ],
    [
      { SEARCH_ENGINE: 'meilisearch' },
      'The Meilisearch engine needs MEILI_HOST (for example http://localhost:7700).',
    ],
  ])('%j stops before it listens, with one sentence naming the variable and exit code 2', (env, message) => {
    expect(start(env)).toEqual({ status: 2, stdout: '', stderr: `${message}\n` });
  });
});
