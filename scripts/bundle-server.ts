import { bundleServer } from '../lib/server/bundle-server';

console.log(`web server bundled: ${await bundleServer(process.cwd())}`);
