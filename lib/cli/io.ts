/** Where a command writes: injected so tests can capture output. */
export type CommandIO = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  interactive: boolean;
};

/** The process's own stdout and stderr. */
export const processIO: CommandIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/** The message to show for an error: its own message for ours, a short line for the unexpected. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return process.env.DEBUG ? (error.stack ?? error.message) : error.message;
  }
  return String(error);
}
