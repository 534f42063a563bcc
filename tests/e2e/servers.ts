import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SERVER_BUNDLE } from '@/lib/server/server-bundle-path';

/** The checkout the tests run in. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');

const NODE_ENV_BASE = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Run a command to completion in the checkout; throw with its output when it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...NODE_ENV_BASE, ...env }, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/** Build a fresh embedded index of `inputs` into `dataDir` (relative to the checkout). */
export function ingest(dataDir: string, inputs: string[]): void {
  rmSync(path.join(ROOT, dataDir), { recursive: true, force: true });
  mkdirSync(path.join(ROOT, dataDir), { recursive: true });
  run(process.execPath, [
    'node_modules/tsx/dist/cli.mjs',
    'scripts/ingest.ts',
    ...inputs,
    '--data-dir',
    dataDir,
  ]);
}

/** The environment without `SITE_URL` (the tests' own shell may set one). */
function withoutSiteUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.SITE_URL;
  return rest;
}

/** A started production web server (`npm start`): its URL, what it printed so far, and how to stop it. */
export type Server = { url: string; output: () => string; stop: () => void };

/**
 * Start the built app on a free port with `DATA_DIR` set; resolve once it answers. `SITE_URL` is left unset
 * (links follow the request's host, as by default) unless `env` sets it.
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVER_BUNDLE, '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: ROOT,
      env: { ...withoutSiteUrl(NODE_ENV_BASE), DATA_DIR: dataDir, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  // Kill the whole process group we started.
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the web server exited (${child.exitCode}):\n${output}`);
    try {
      await fetch(`${url}/api/search?limit=1`);
      return { url, output: () => output, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  stop();
  throw new Error(`the web server did not answer on ${url}:\n${output}`);
}
