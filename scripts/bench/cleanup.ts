// Everything the benchmark starts registers how to stop it here; the steps run in reverse
// order on the way out, also after a failure or on Ctrl-C / SIGTERM, so no swarm,
// PostgreSQL or gateway process is left behind.
import { progress } from './report.ts';

const steps: { what: string; run: () => Promise<unknown> }[] = [];
let running: Promise<void> | undefined;

export function onCleanup(what: string, run: () => Promise<unknown>): void {
  // Started after cleanup began (the run went on meanwhile): stop it as soon as cleanup is done.
  if (running) void running.then(run).catch((err: unknown) => progress(`cleanup: ${what} failed: ${String(err)}`));
  else steps.push({ what, run });
}

/** Runs every registered step once (latest first); a failing step is reported and the rest still run. */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!;
      try {
        await step.run();
      } catch (err) {
        progress(`cleanup: ${step.what} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return running;
}

/** On SIGINT/SIGTERM: clean up, then exit 130/143. A second signal exits at once. */
export function cleanupOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      if (running) process.exit(code);
      progress(`${signal}: cleaning up`);
      void cleanupAll().finally(() => process.exit(code));
    });
  }
}
