import { z } from 'zod';

/**
 * The fault-injection seam of the index writer, for tests only. `saveSnapshot` calls its hook at each of these
 * points of a write; the hook may throw (a simulated disk error) or end the process (a simulated crash):
 * - `data-started`: the data file exists and its first section is written;
 * - `data-written`: the data file is complete;
 * - `manifest-written`: the new manifest is written under its temporary name, just before the rename that
 *   makes the new index live.
 */
export const WRITE_POINTS = ['data-started', 'data-written', 'manifest-written'] as const;
export type WritePoint = (typeof WRITE_POINTS)[number];

/** What a fault does: `kill` the process with SIGKILL, or fail the write as a full (`enospc`) or read-only (`erofs`) disk would. */
export const FAULT_ACTIONS = ['kill', 'enospc', 'erofs'] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

/** Called by the writer at each write point. */
export type WriteFaultHook = (point: WritePoint) => void;

const SPEC = new RegExp(`^(${WRITE_POINTS.join('|')}):(${FAULT_ACTIONS.join('|')})$`);

/**
 * `INGEST_FAULT=<point>:<action>` (for example `data-written:kill`), as the ingest command reads it from the
 * environment: the hook that fails the writer there. Never set outside tests.
 */
export const WriteFaultSpec = z
  .string()
  .regex(
    SPEC,
    `expected <point>:<action>, point one of ${WRITE_POINTS.join(', ')}, action one of ${FAULT_ACTIONS.join(', ')}`,
  )
  .transform((spec) => {
    const [point, action] = spec.split(':') as [WritePoint, FaultAction];
    return { point, action };
  });
export type WriteFaultSpec = z.output<typeof WriteFaultSpec>;

/** The Node error a disk raises for `action` (as `write` would). */
function diskError(action: Exclude<FaultAction, 'kill'>): NodeJS.ErrnoException {
  const code = action === 'enospc' ? 'ENOSPC' : 'EROFS';
  const text = action === 'enospc' ? 'no space left on device' : 'read-only file system';
  return Object.assign(new Error(`${code}: ${text}, write`), { code, syscall: 'write', errno: -28 });
}

/** The hook of one fault: at `point`, do `action`; elsewhere nothing. */
export function writeFaultHook({ point, action }: WriteFaultSpec): WriteFaultHook {
  return (at) => {
    if (at !== point) return;
    if (action !== 'kill') throw diskError(action);
    process.kill(process.pid, 'SIGKILL');
    // SIGKILL to oneself lands at once; never go on writing meanwhile.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  };
}
