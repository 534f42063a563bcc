import { processIO } from '../lib/cli/io';
import { loadEnvFile } from '../lib/cli/load-env-file';
import { runSearch } from '../lib/cli/search-command';

loadEnvFile();
process.exitCode = await runSearch(process.argv.slice(2), processIO);
