import { runIngest } from '../lib/cli/ingest-command';
import { processIO } from '../lib/cli/io';
import { loadEnvFile } from '../lib/cli/load-env-file';

loadEnvFile();
process.exitCode = await runIngest(process.argv.slice(2), processIO);
