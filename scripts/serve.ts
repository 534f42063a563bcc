import { processIO } from '../lib/cli/io';
import { loadEnvFile } from '../lib/cli/load-env-file';
import { runServe } from '../lib/cli/serve-command';

loadEnvFile();
process.exitCode = await runServe(process.argv.slice(2), processIO);
