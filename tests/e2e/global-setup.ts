import type { TestProject } from 'vitest/node';
import { describeTestBrowser } from './browser';
import { ingest, run, startServer, type Server } from './servers';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app serving the bundled dump. */
    mainUrl: string;
    /** The app serving a dump of hostile posts (`<script>`, `<img onerror>`). */
    xssUrl: string;
    /** The app with no index at all: the engine is unavailable. */
    downUrl: string;
  }
}

const servers: Server[] = [];

/** Start the test browser once (so every test file finds it ready), ingest the bundled dump and the hostile fixture, build the app as `npm run build` does (unless E2E_SKIP_BUILD=1), start three servers. */
export async function setup(project: TestProject): Promise<void> {
  console.log(`browser tests drive ${await describeTestBrowser()}`);
  ingest('tmp/e2e/main', ['content/dumps']);
  ingest('tmp/e2e/xss', ['tests/fixtures/web-xss-dump.txt']);
  if (process.env.E2E_SKIP_BUILD !== '1') run('npm', ['run', 'build']);
  const [main, xss, down] = await Promise.all([
    startServer('tmp/e2e/main'),
    startServer('tmp/e2e/xss'),
    startServer('tmp/e2e/no-index'),
  ]);
  servers.push(main, xss, down);
  project.provide('mainUrl', main.url);
  project.provide('xssUrl', xss.url);
  project.provide('downUrl', down.url);
}

/** Stop the servers this setup started. */
export async function teardown(): Promise<void> {
  for (const server of servers) server.stop();
}
