import { getSearchEngine } from '@/lib/search/create-engine';
import { isEngineUnavailable } from './engine-status';

const OK_TTL_MS = 10_000;
const DOWN_TTL_MS = 2_000;
let last: { at: number; up: boolean } | undefined;

/** Whether the search engine answers (a cheap ping that loads no index), remembered for a few seconds; other errors count as up. */
export async function engineIsUp(now = Date.now()): Promise<boolean> {
  if (last && now - last.at < (last.up ? OK_TTL_MS : DOWN_TTL_MS)) return last.up;
  let up = true;
  try {
    await (await getSearchEngine()).ping();
  } catch (error) {
    up = !isEngineUnavailable(error);
  }
  last = { at: now, up };
  return up;
}
