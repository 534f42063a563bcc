import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { SERVER_BUNDLE } from '../../lib/server/server-bundle-path';
import type { BenchQuery } from './workloads';
import { AppError } from '../../lib/errors';

/** The web server did not answer in time, or exited; the message carries the end of its output. */
export class ServerStartError extends AppError {
  override name = 'ServerStartError';
}

/** Whether the web app has a production build to start (`.next/BUILD_ID` and the web server `npm run build` bundles). */
export function hasBuild(appDir: string): boolean {
  return existsSync(path.join(appDir, '.next', 'BUILD_ID')) && existsSync(path.join(appDir, SERVER_BUNDLE));
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The `/api/search` path of a benchmark query. */
export function searchPath(query: BenchQuery): string {
  const params = new URLSearchParams({ q: query.q });
  for (const [name, values] of Object.entries(query.filters)) for (const v of values) params.append(name, v);
  params.set('limit', String(query.limit));
  return `/api/search?${params.toString()}`;
}

/** A running web server (`npm start`). */
export type RunningServer = { origin: string; startupMs: number; stop: () => Promise<void> };

/**
 * Start the production web server (`npm start`) on a free port with the embedded engine reading `dataDir`, and time it until the first
 * `/api/search` answers 200 (cold start: process start, index load, first query).
 */
export async function startServer(
  appDir: string,
  dataDir: string,
  probe: string,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(appDir, SERVER_BUNDLE), '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: appDir,
      env: {
        ...process.env,
        DATA_DIR: path.resolve(dataDir),
        SEARCH_ENGINE: 'embedded',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => ((exited = true), resolve())),
  );
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await Promise.race([exitedPromise, new Promise((r) => setTimeout(r, 5000))]);
      if (!exited) child.kill('SIGKILL');
    }
  };
  while (performance.now() - started < timeoutMs) {
    if (exited) throw new ServerStartError(`the web server exited before answering:\n${output}`);
    const status = await fetch(origin + probe)
      .then((r) => r.arrayBuffer().then(() => r.status))
      .catch(() => 0);
    if (status === 200) return { origin, startupMs: performance.now() - started, stop };
    if (status >= 400) {
      await stop();
      throw new ServerStartError(`${probe} answered ${status}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop();
  throw new ServerStartError(
    `the web server did not answer ${probe} within ${timeoutMs / 1000} s:\n${output}`,
  );
}

/** HTTP load figures. */
export type HttpFigures = { connections: number; reqPerS: number; p50: number; p99: number; errors: number };

/** Load `/api/search` with autocannon (programmatic API), cycling through the given paths. */
export async function loadTest(
  origin: string,
  paths: readonly string[],
  connections: number,
  seconds: number,
): Promise<HttpFigures> {
  let next = 0;
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [
      { method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) },
    ],
  });
  return {
    connections,
    reqPerS: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
