import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The file of tsx's ESM API (`tsx/esm/api`, import condition), found from this module. */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exports = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports;
  return path.join(path.dirname(manifest), exports['./esm/api']!.import.default);
}

type BuildSync = (options: Record<string, unknown>) => { outputFiles: Array<{ text: string }> };
const bundles = new Map<string, string | null>();

/**
 * A worker entry and everything it imports as one CommonJS script, built once per entry and process with
 * esbuild: a worker then starts in tens of milliseconds, where loading each module through tsx's hooks takes
 * about a second. Null when esbuild is not available.
 */
function bundledWorker(entry: string): string | null {
  let bundle = bundles.get(entry);
  if (bundle !== undefined) return bundle;
  try {
    const esbuild = createRequire(import.meta.url)('esbuild') as { buildSync: BuildSync };
    const [output] = esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    }).outputFiles;
    bundle = output?.text ?? null;
  } catch {
    bundle = null;
  }
  bundles.set(entry, bundle);
  return bundle;
}

/**
 * Start a worker thread on `entry`. A JavaScript entry is loaded directly; a TypeScript one (the sources run
 * through tsx or vitest) runs as its esbuild bundle, or else after registering tsx in the worker.
 */
export function startWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const code = bundledWorker(fileURLToPath(entry));
  if (code !== null) return new Worker(code, { eval: true, workerData });
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * The worker entry `name` beside the module at `moduleUrl`, in that module's language: `name.ts` when the
 * sources run as TypeScript (tsx, vitest), `name.js` when they run built.
 */
export function siblingEntry(name: string, moduleUrl: string): URL {
  return new URL(`./${name}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl);
}
