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
