/**
 * A problem the command reports as one line on stderr before exiting with code 2: a usage
 * error (unknown option, bad value), a missing path, an unreadable file, a git failure.
 */
export class CliError extends Error {
  override name = 'CliError';
}

/** The first line of an error's message, for one-line reports of errors we did not raise. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0]?.trim() ?? '';
}
