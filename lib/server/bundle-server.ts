import path from 'node:path';
import { build } from 'esbuild';
import { SERVER_BUNDLE } from './server-bundle-path';

/**
 * Bundle the web server entry (`scripts/serve.ts` and our modules it imports) into one ES module, packages left
 * to `node_modules`: `npm start` then starts with plain Node, without compiling TypeScript on every start.
 */
export async function bundleServer(root: string, outfile = path.join(root, SERVER_BUNDLE)): Promise<string> {
  await build({
    entryPoints: [path.join(root, 'scripts', 'serve.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return outfile;
}
