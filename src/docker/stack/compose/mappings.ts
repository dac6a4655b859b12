// The compose format's "list or mapping" values (environment, labels, sysctls,
// extra_hosts, driver options) in one form each, as the CLI's transforms produce them.

type Scalar = string | number | boolean | null;

/**
 * `KEY: value` or `- KEY=value`. A value that is not a string is written as text (`1`,
 * `true`). A key without a value (`- FOO`, or `FOO:` in a mapping) is null when
 * `allowNull` (environment: the CLI leaves such a variable out) and "" otherwise.
 */
export function listOrDict(value: unknown, allowNull: true): Record<string, string | null>;
export function listOrDict(value: unknown, allowNull: false): Record<string, string>;
export function listOrDict(value: unknown, allowNull: boolean): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) {
    for (const entry of value as string[]) {
      const at = entry.indexOf('=');
      if (at < 0) out[entry] = allowNull ? null : '';
      else out[entry.slice(0, at)] = entry.slice(at + 1);
    }
    return out;
  }
  for (const [key, v] of Object.entries(value as Record<string, Scalar>)) out[key] = v === null ? (allowNull ? null : '') : String(v);
  return out;
}

/** A string or a list of strings, as a list. */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return typeof value === 'string' ? [value] : (value as string[]);
}

/**
 * `extra_hosts` as `host:ip`: a list entry is `host=ip` or `host:ip` (the first `=`, else
 * the first `:`), a mapping `host: ip`; brackets around an IPv6 address are dropped, as the
 * CLI does. An entry with neither separator is returned in `bad`.
 */
export function hostsList(value: unknown): { hosts: string[]; bad: number[] } {
  const hosts: string[] = [];
  const bad: number[] = [];
  const add = (host: string, ip: string) => hosts.push(`${host}:${ip.replace(/^\[(.+)\]$/, '$1')}`);
  if (value === undefined || value === null) return { hosts, bad };
  if (Array.isArray(value)) {
    (value as string[]).forEach((entry, i) => {
      const sep = entry.includes('=') ? '=' : entry.includes(':') ? ':' : null;
      if (sep === null) return void bad.push(i);
      const at = entry.indexOf(sep);
      add(entry.slice(0, at), entry.slice(at + 1));
    });
    return { hosts, bad };
  }
  for (const [host, ip] of Object.entries(value as Record<string, Scalar>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (ip !== null) add(host, String(ip));
  }
  return { hosts, bad };
}
