import { describe, expect, it } from 'vitest';
import { parseServerEnv } from '@/lib/env';
import { EngineUnavailableError } from '@/lib/errors';
import { createEngine } from '@/lib/search/create-engine';

describe('createEngine: Meilisearch', () => {
  it('names the key variable of its role when the server refuses the key', async () => {
    // A server that answers every request with 403 invalid_api_key.
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.writeHead(403, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          message: 'The provided API key is invalid.',
          code: 'invalid_api_key',
          type: 'auth',
          link: '',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const host = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const env = parseServerEnv({
        MEILI_HOST: host,
        MEILI_SEARCH_KEY: 'wrong',
        MEILI_MASTER_KEY: 'wrong too',
      });
      await expect(createEngine({ role: 'search', env }).ping()).rejects.toThrow(
        new EngineUnavailableError(
          `Meilisearch at ${host} refused the key (invalid_api_key): check MEILI_SEARCH_KEY.`,
        ),
      );
      await expect(createEngine({ role: 'admin', env }).count()).rejects.toThrow(
        new EngineUnavailableError(
          `Meilisearch at ${host} refused the key (invalid_api_key): check MEILI_MASTER_KEY.`,
        ),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
