/**
 * The project's one error hierarchy. Every error raised on purpose is an {@link AppError}: its message is one
 * sentence a user can act on (it names the file and line, the option or the parameter). Subclasses say which
 * kind of failure it is, so callers branch on the class, never on the text.
 */

/** The base of every error the project raises on purpose. */
export class AppError extends Error {
  override name = 'AppError';
}

/** A command-line mistake (an unknown option, a bad value, a missing argument); the message names the option. */
export class UsageError extends AppError {
  override name = 'UsageError';
}

/** An input the ingest cannot read at all (missing, empty, binary); the message names the path. */
export class InputError extends AppError {
  override name = 'InputError';
}

/** A content file (error catalog, topic taxonomy) that cannot be read or fails validation; names file and field. */
export class ContentError extends AppError {
  override name = 'ContentError';
}

/** A request parameter whose value we refuse; the message names the parameter. */
export class ParamError extends AppError {
  override name = 'ParamError';
  constructor(
    readonly param: string,
    readonly detail: string,
  ) {
    super(`Invalid parameter "${param}": ${detail}`);
  }
}

/** A search engine that cannot do what it was asked. */
export class EngineError extends AppError {
  override name = 'EngineError';
}

/** The engine could not be reached or its index is missing or damaged: searches fail until that is fixed. */
export class EngineUnavailableError extends EngineError {
  override name = 'EngineUnavailableError';
}

/** An engine call or task that did not finish within its configured bound; the message names the call or task. */
export class EngineTimeoutError extends EngineError {
  override name = 'EngineTimeoutError';
}

/** A configuration that cannot produce an engine (for example Meilisearch asked for without a host). */
export class EngineConfigError extends EngineError {
  override name = 'EngineConfigError';
}

/** Index data that does not hold what its manifest or its format says (a section, a post record, the file size). */
export class DamagedIndexError extends EngineError {
  override name = 'DamagedIndexError';
}

/** A worker thread failed, or stopped before answering. */
export class WorkerThreadError extends AppError {
  override name = 'WorkerThreadError';
}

/** An environment variable whose value cannot be used (`MEILI_HOST` not a URL, an unknown `SEARCH_ENGINE`); names it. */
export class ConfigError extends AppError {
  override name = 'ConfigError';
}

/** A data folder another running ingest holds (its lock names the pid); the message names the folder and the pid. */
export class DataLockError extends AppError {
  override name = 'DataLockError';
}

/**
 * A file-system call that failed on one of our files or folders (no space, read-only, no permission, a file
 * where a folder should be); the message is one sentence naming the path and what to do, `code` the errno name.
 */
export class StorageError extends AppError {
  override name = 'StorageError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What {@link storageError} says, by errno name: `subject` names the path, `retry` what to run after the fix. */
const STORAGE_MESSAGES: Record<string, (subject: string, retry: string) => string> = {
  ENOSPC: (s, r) => `No space left on the device of ${s}: free some space, then ${r}.`,
  EDQUOT: (s, r) => `The disk quota of ${s} is used up: free some space, then ${r}.`,
  EROFS: (s, r) =>
    `${s} is on a read-only file system: remount it read-write or choose another folder, then ${r}.`,
  EACCES: (s, r) =>
    `No permission to write to ${s}: fix its permissions or choose another folder, then ${r}.`,
  EPERM: (s, r) => `No permission to write to ${s}: fix its permissions or choose another folder, then ${r}.`,
  EEXIST: (s, r) => `${s} is a file, not a folder: choose a folder (it is created if missing), then ${r}.`,
  ENOTDIR: (s, r) => `${s} is inside a file, not a folder: choose a folder, then ${r}.`,
  EISDIR: (s, r) => `${s} is a folder, not a file: choose a file name, then ${r}.`,
  ENOENT: (s, r) => `${s} is in a folder that does not exist: create it or choose another, then ${r}.`,
};

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The StorageError of a failed Node file-system call on `subject` (for example "the data folder data"), with
 * `retry` (for example "run `npm run ingest` again"); anything that is not a file-system error is returned as it is.
 */
export function storageError(error: unknown, subject: string, retry: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  const describe = STORAGE_MESSAGES[code];
  const message = describe
    ? describe(subject, retry)
    : `Could not write ${subject} (${code}): check the disk and the folder, then ${retry}.`;
  return new StorageError(code, upperFirst(message));
}
