// What the fuzzer holds every answer to: one JSON envelope (`data` and/or `errors`, each
// error with `extensions.code`), never INTERNAL, no stack trace, and no file path or
// secret in an error (data may carry an admin's join tokens or endpoints by design).
export type FindingKind = 'crash' | 'hang' | 'internal' | 'non_json' | 'no_code' | 'stack_trace' | 'file_path' | 'secret' | 'engine_changed';

export interface Finding {
  kind: FindingKind;
  shape: string;
  request: string;
  detail: string;
}

const STACK = /\n\s+at \S|\bat [\w.<>]+ \([^)]*:\d+:\d+\)|\bat (?:file:)?\/[^\s]*:\d+:\d+/;
const FILE_PATH = /(?:\/work\/|\/home\/|\/root\/|\/usr\/|\/var\/lib\/|\/run\/|\/tmp\/|node_modules|[\w-]+\.(?:ts|js|mjs):\d+)/;
const SECRET = /SWMTKN-|SWMKEY-|-----BEGIN|sgw_[A-Za-z0-9_-]{20,}/;

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const clip = (text: string, n = 300) => (text.length > n ? `${text.slice(0, n)}...` : text);

/**
 * The problems with one answer; `secrets` are strings the answer must never contain (the
 * bearer token). Secret-looking text the request itself sent (an edge value `sgw_aaa...`
 * echoed in "not found") is the caller's own, not a leak.
 */
export function checkAnswer(answer: Answer, secrets: readonly string[], requestText = ''): { kind: FindingKind; detail: string }[] {
  const found: { kind: FindingKind; detail: string }[] = [];
  const json = /^application\/(?:graphql-response\+)?json\b/.test(answer.contentType);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    body = undefined;
  }
  const envelope = body !== null && typeof body === 'object' && !Array.isArray(body) && ('data' in body || 'errors' in body) ? (body as { data?: unknown; errors?: unknown }) : undefined;
  if (!json || !envelope) return [{ kind: 'non_json', detail: `${answer.status} ${answer.contentType}: ${clip(answer.text)}` }];
  const errors = Array.isArray(envelope.errors) ? (envelope.errors as { message?: unknown; extensions?: { code?: unknown } }[]) : [];
  for (const error of errors) {
    const code = error?.extensions?.code;
    if (typeof code !== 'string') found.push({ kind: 'no_code', detail: clip(JSON.stringify(error)) });
    else if (code === 'INTERNAL') found.push({ kind: 'internal', detail: `${answer.status}: ${clip(JSON.stringify(error))}` });
  }
  const errorText = JSON.stringify(envelope.errors ?? []);
  if (STACK.test(answer.text)) found.push({ kind: 'stack_trace', detail: clip(answer.text) });
  if (FILE_PATH.test(errorText)) found.push({ kind: 'file_path', detail: clip(errorText.match(new RegExp(`.{0,120}${FILE_PATH.source}.{0,60}`))?.[0] ?? errorText) });
  const leaked = [...errorText.matchAll(new RegExp(SECRET.source, 'g'))].map((m) => m[0]).filter((m) => !requestText.includes(m));
  if (leaked.length > 0 || secrets.some((s) => s && answer.text.includes(s))) found.push({ kind: 'secret', detail: clip(errorText) });
  return found;
}

/** Whether a mutation's answer says it did not happen: top-level errors, a null payload, or userErrors. */
export function mutationRefused(field: string, text: string): boolean {
  try {
    const body = JSON.parse(text) as { data?: Record<string, { userErrors?: unknown[] } | null> | null; errors?: unknown[] };
    if (body.errors?.length) return true;
    const payload = body.data?.[field];
    return payload === null || payload === undefined || (Array.isArray(payload.userErrors) && payload.userErrors.length > 0);
  } catch {
    return true;
  }
}
