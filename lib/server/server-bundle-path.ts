import path from 'node:path';

/** Where `npm run build` writes the web server and `npm start` runs it from (inside Next's build folder, relative to the app). */
export const SERVER_BUNDLE = path.join('.next', 'web-server', 'serve.mjs');
