import { runIngest } from '../lib/cli/ingest-command';
import { processIO } from '../lib/cli/io';

process.exitCode = await runIngest(process.argv.slice(2), processIO);
