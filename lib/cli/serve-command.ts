import { startWebServer } from '../server/web-server';
import { parseServeArgs } from './args';
import { errorMessage, type CommandIO } from './io';

export const SERVE_USAGE = `Usage: npm start -- [--port N] [--hostname H]
Serves the production build (run \`npm run build\` first) on PORT (default 3000), on every interface unless --hostname is given.`;

/** `npm start`: start the web server; resolves 0 once it listens (it keeps running), 2 on a usage or start-up error. */
export async function runServe(argv: string[], io: CommandIO): Promise<number> {
  try {
    const args = parseServeArgs(argv);
    if (args.help) {
      io.out(SERVE_USAGE);
      return 0;
    }
    const server = await startWebServer({ port: args.port, hostname: args.hostname });
    io.out(`Ready on ${server.url}`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return 0;
  } catch (error) {
    io.err(errorMessage(error));
    return 2;
  }
}
