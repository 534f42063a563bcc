/** An input the ingest cannot read at all (missing, empty, binary): its message is one sentence for the user. */
export class InputError extends Error {
  override name = 'InputError';
}
