// A request may ask to bypass the watched cluster state and read the engine itself, in
// HTTP's own words: `Cache-Control: no-cache` (or `max-age=0`), as a browser's hard reload
// does. Everything else is served from the watched state within its staleness bound.

/** Whether a `Cache-Control` request header asks for reads from the engine. */
export function asksForFreshReads(cacheControl: string | undefined): boolean {
  if (!cacheControl) return false;
  return cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim().replace(/\s*=\s*/, '='))
    .some((d) => d === 'no-cache' || d === 'no-store' || d === 'max-age=0');
}
