import { RawPost } from '../posts/schema';
import type { ParsedRecord } from './parse';
import { rawPostIfValid } from './post-checks';

/** The result of validating one parsed record. */
export type Validated = { ok: true; post: RawPost } | { ok: false; reason: string };

/** Validate a parsed record against the RawPost schema; a failure names the fields and why. */
export function validateRecord(record: ParsedRecord): Validated {
  const post = rawPostIfValid(record);
  if (post) return { ok: true, post };
  const result = RawPost.safeParse(record);
  if (result.success) return { ok: true, post: result.data };
  const reason = result.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
  return { ok: false, reason: `invalid record (${reason})` };
}
