import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Browser tests: build the app, start it against fresh indexes, drive the Chromium of @sparticuz/chromium (or CHROMIUM_PATH). Run with `npm run test:e2e`. */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
