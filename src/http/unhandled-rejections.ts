// The process's last line of defence. The real fixes are at the source (references are
// checked before a path is built, the Engine client follows no redirect, every call's
// errors are handled where it is made), but one promise rejection nobody awaited, from a
// library's corner, must not end a gateway that serves everyone: since Node 15 it would.
// It is logged at error with its stack, and the gateway keeps serving. Uncaught exceptions
// keep Node's behaviour (exit): after one, the process's state is not known to be sound.
import type { Logger } from 'pino';

export function keepServingOnUnhandledRejection(logger: Pick<Logger, 'error'>): void {
  process.on('unhandledRejection', (err: unknown) => {
    logger.error({ err }, 'unhandled promise rejection (a bug: the gateway keeps serving)');
  });
}
