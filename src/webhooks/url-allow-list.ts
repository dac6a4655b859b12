// Which URLs the gateway may call: `webhooks.allowedHosts`, set by whoever runs the gateway,
// so a webhook cannot become a way to reach internal addresses (the metadata service, the
// Docker socket's TCP port, a database). Matching is exact, on the host as the WHATWG URL
// parser normalizes it (lowercase, IPv4 in dotted form, IPv6 bracketed): no wildcards, no
// suffixes, so `127.0.0.1.nip.io` is not `127.0.0.1` and an IP literal passes only when it is
// listed itself. A bare host allows its scheme's default port only (80, 443); `host:port`
// allows that port. Checked when a webhook is created or changed AND before every delivery,
// so taking a host off the list stops deliveries to it at once.

/** `problem`: the URL's form (scheme, user info, fragment...) or its host (not listed). */
export type UrlVerdict = { allowed: true; url: URL } | { allowed: false; problem: 'form' | 'host'; reason: string };

/** One allowed host (`hooks.example.com`, `127.0.0.1:8080`, `[::1]:9000`) normalized; throws when it is not one. */
function normalizeEntry(entry: string): { host: string; port: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(`http://${entry.trim()}`);
  } catch {
    throw new Error(`webhooks.allowedHosts: "${entry}" is not a host name or host:port`);
  }
  const bare = parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username && !parsed.password && !entry.includes('/');
  if (!bare || parsed.hostname.endsWith('.')) throw new Error(`webhooks.allowedHosts: "${entry}" is not a host name or host:port`);
  // `new URL` drops an explicit :80 (the default of http:); keep it as given.
  const port = /:(\d{1,5})$/.exec(entry.trim())?.[1] ?? null;
  return { host: parsed.hostname, port: port === null ? null : String(Number(port)) };
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
/** Longer URLs are refused: receivers' servers commonly stop at about 2 KB (and it is stored per webhook). */
export const MAX_URL_LENGTH = 2048;

export class UrlAllowList {
  private readonly entries: { host: string; port: string | null }[];

  /** Throws naming the first entry that is not a host or host:port (config validation already refused those). */
  constructor(allowedHosts: readonly string[]) {
    this.entries = allowedHosts.map(normalizeEntry);
  }

  check(text: string): UrlVerdict {
    if (text.length > MAX_URL_LENGTH) return refused(`is ${text.length} characters long; at most ${MAX_URL_LENGTH}`);
    let url: URL;
    try {
      url = new URL(text.trim());
    } catch {
      return refused('is not an absolute URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return refused('must start with https:// or http://');
    // Userinfo (`http://allowed@evil/`) makes a URL read as one host and go to another.
    if (url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/?#]*@/i.test(text.trim())) return refused('may not carry a user name or password');
    if (text.includes('#')) return refused('may not have a fragment (#...)');
    if (url.hostname.endsWith('.')) return refused(`host ${url.hostname} ends with a dot: write it as it is listed in webhooks.allowedHosts`);
    const port = url.port === '' ? DEFAULT_PORTS[url.protocol]! : url.port;
    const listed = this.entries.some((e) => e.host === url.hostname && (e.port === null ? port === DEFAULT_PORTS[url.protocol] : e.port === port));
    if (!listed) {
      const where = this.entries.length === 0 ? 'the allow-list (webhooks.allowedHosts) is empty: an administrator of the gateway must list the hosts webhooks may call' : 'it is not on the allow-list (webhooks.allowedHosts)';
      return refused(`host ${url.host} may not be called: ${where}`, 'host');
    }
    return { allowed: true, url };
  }
}

function refused(why: string, problem: 'form' | 'host' = 'form'): UrlVerdict {
  return { allowed: false, problem, reason: `The webhook URL ${why}.` };
}
