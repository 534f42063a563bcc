import { processIO } from '../lib/cli/io';
import { runSearch } from '../lib/cli/search-command';

process.exitCode = await runSearch(process.argv.slice(2), processIO);
