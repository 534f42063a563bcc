import { z } from 'zod';

const count = z.number().int().nonnegative();

/**
 * One input file an index was built from, as the ingest read it: its name (as given), size, SHA-256, the capture
 * date its relative dates were resolved against (`--as-of`, else its modification time), and its records read,
 * accepted (new posts), merged (repeats, also of posts the index already held) and rejected.
 */
export const LedgerEntry = z.object({
  file: z.string().min(1),
  size: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  capturedAt: z.iso.datetime(),
  read: count,
  accepted: count,
  merged: count,
  rejected: count,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** What an index was built from, in the order the files were ingested. */
export const Ledger = z.array(LedgerEntry);
