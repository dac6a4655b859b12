// What every command-line entry point shares: the exit status and what reaches stderr.
// Bad usage (a UsageError, a flag node:util's parseArgs refused, a configuration error)
// prints the reason and the usage, exit 2; an expected failure prints its message; anything
// else prints its stack. Both exit with the command's failure status.
import { ConfigError } from '../config/config.ts';
import { EmbeddedDatabaseHeldError } from '../db/pglite-lock.ts';

/** The command was called wrongly: the reason is shown with the usage text. */
export class UsageError extends Error {}

export interface CommandSpec {
  /** The prefix of every message on stderr (`token`, `audit`, `db:migrate`). */
  name: string;
  usage?: string;
  /** The exit status of a failure that is not bad usage. */
  failureStatus: 1 | 2;
  /** Failures whose message says it all (no stack), besides those every command shares (isSharedExpectedFailure). */
  isExpectedFailure?: (err: unknown) => boolean;
}

/** A database held by another process (the embedded one admits one): the message says who and what to do. */
function isSharedExpectedFailure(err: unknown): boolean {
  return err instanceof EmbeddedDatabaseHeldError;
}

function isUsageError(err: unknown): boolean {
  return err instanceof UsageError || err instanceof ConfigError || ((err as { code?: unknown })?.code as string | undefined)?.startsWith?.('ERR_PARSE_ARGS') === true;
}

/** Runs the command and sets the process's exit status from its result or failure. */
export async function runCommand(spec: CommandSpec, main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (err) {
    const usage = isUsageError(err);
    const message = (err as Error).message;
    const text = usage ? `${message}${spec.usage ? `\n${spec.usage}` : ''}` : isSharedExpectedFailure(err) || spec.isExpectedFailure?.(err) ? message : (err as Error).stack ?? String(err);
    process.stderr.write(`${spec.name}: ${text}\n`);
    process.exitCode = usage ? 2 : spec.failureStatus;
  }
}

/** A `--flag` that takes a whole number of days. */
export function wholeDays(flag: string, text: string): number {
  if (!/^[0-9]+$/.test(text)) throw new UsageError(`${flag} takes a whole number of days, got "${text}"`);
  return Number(text);
}
