import { existsSync } from 'node:fs';

/** Load `.env` from the working folder into process.env, as Next.js does for the web server, if there is one. */
export function loadEnvFile(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
