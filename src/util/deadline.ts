// Waiting on work that may never answer (a hung database, a dropped connection) with a
// bound: the one "race a promise against a timer" of the gateway's own code.

/**
 * `work`'s outcome, or the error `late()` builds once `ms` have passed without one.
 * `late` is called when the time is up, so it can describe the state at that moment.
 * The work itself is not stopped; a rejection it brings after the deadline is ignored.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
