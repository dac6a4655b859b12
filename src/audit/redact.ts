// Secrets never reach the audit log: a mutation's input is copied with every secret
// replaced by REDACTED before it is stored (and hashed). Over-redaction is the safe error,
// so the rules are broad; what they keep is what an auditor needs (names, env keys,
// label keys, references).
import { normalizeJson, setOwn, type JsonValue } from './record.ts';

export const REDACTED = '[redacted]';

/**
 * Environment variable names whose values are secret: a name matches when any pattern
 * matches any part of it (DB_PASSWORD, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, BASIC_AUTH).
 */
export const DEFAULT_SECRET_NAME_PATTERNS: readonly RegExp[] = [
  /PASSWORD/i,
  /PASSWD/i,
  /TOKEN/i,
  /SECRET/i,
  /KEY/i,
  /CREDENTIAL/i,
  /PRIVATE/i,
  /AUTH/i,
];

/**
 * The secret name patterns in force: `audit.secretEnvNamePatterns` (regex sources, matched
 * case-insensitively) when configured, else the defaults. One list for the audit log's
 * redaction and for the env values masked in responses (src/graphql/access/secret-values.ts).
 */
export function secretNamePatterns(configured: readonly string[] | undefined): readonly RegExp[] {
  return configured ? configured.map((p) => new RegExp(p, 'i')) : DEFAULT_SECRET_NAME_PATTERNS;
}

/** Whether an env variable (or `{key, value}` pair key) name matches one of the patterns. */
export function secretNameMatcher(patterns: readonly RegExp[]): (name: string) => boolean {
  // Stateless copies: a /g pattern's lastIndex would make test() alternate.
  const stateless = patterns.map((p) => new RegExp(p.source, p.flags.replace(/[gy]/g, '')));
  return (name) => stateless.some((p) => p.test(name));
}

export interface RedactOptions {
  /** Patterns for env variable names and `{key, value}` pair keys; default DEFAULT_SECRET_NAME_PATTERNS. */
  secretNamePatterns?: readonly RegExp[];
}

/** Swarm join tokens (`SWMTKN-1-<hash>-<secret>`) and unlock keys (`SWMKEY-1-<key>`), anywhere in a string. */
const SWARM_TOKEN = /SWMTKN-[A-Za-z0-9-]+/g;
const SWARM_UNLOCK_KEY = /SWMKEY-[A-Za-z0-9+/=_-]+/g;

/** Words that make a field secret wherever it appears in a field name (`joinToken`, `registryAuth`). */
const SECRET_WORDS = new Set([
  'token', 'tokens', 'password', 'passwords', 'passwd', 'passphrase', 'secret', 'credential', 'credentials',
  'apikey', 'auth', 'authorization', 'cookie', 'private', 'privatekey', 'unlockkey',
]);
/** Last words that make a name refer to a secret rather than hold it (`secretName`, `tokenId`). */
const REFERENCE_WORDS = new Set(['name', 'names', 'id', 'ids', 'ref', 'refs', 'file', 'path', 'target']);
/** Arrays of `KEY=VALUE` environment entries. */
const ENV_FIELDS = new Set(['env', 'envadd', 'environment']);
/** Arrays of command-line arguments (containerExec's and containerRun's `command`, `entrypoint`, a service's `args`): see redactArgv. */
const ARGV_FIELDS = new Set(['command', 'entrypoint', 'args']);
/** Secret and config payloads (`Data` in the Engine API; `data`/`dataBase64` in secretCreate, configCreate). Configs too: they often hold credentials. */
const DATA_FIELDS = new Set(['data', 'database64']);

/**
 * A deep copy of `input`, normalized to storable JSON (see normalizeJson), with:
 * - every `SWMTKN-...` join token and `SWMKEY-...` unlock key in any string replaced;
 * - the whole value of any field whose name is secret replaced: a name containing one of
 *   the SECRET_WORDS as a word (camelCase, snake_case, kebab-case or dotted), or ending in
 *   the word `key` after another word (`unlockKey`, `apiKey`, `signingCAKey`; a field
 *   named just `key`, as in label pairs, is kept), unless its last word says it refers
 *   to a secret rather than holds it (`secretName`, `tokenId`, `passwordFile`);
 * - the value of any field named `data` or `dataBase64` (secret and config contents) replaced;
 * - in arrays named `env`, `envAdd` or `environment`, the value of each `NAME=VALUE`
 *   entry whose NAME matches a secret name pattern replaced, keeping the name;
 * - in `{ key, value }` pairs (labels, driver options) whose key matches a secret name
 *   pattern, the value replaced;
 * - in arrays named `variables` (stackDeploy's interpolation variables), every item's `value`.
 * - in arrays of arguments named `command`, `entrypoint` or `args`, what redactArgv replaces.
 * A null secret stays null: there is nothing to hide and the absence is worth recording.
 */
export function redactInput(input: unknown, opts: RedactOptions = {}): JsonValue | null {
  const isSecretName = secretNameMatcher(opts.secretNamePatterns ?? DEFAULT_SECRET_NAME_PATTERNS);
  const normalized = normalizeJson(input);
  return normalized === null ? null : walk(normalized, undefined, isSecretName);
}

function walk(value: JsonValue, field: string | undefined, isSecretName: (name: string) => boolean): JsonValue {
  if (field !== undefined && value !== null && (isSecretField(field) || DATA_FIELDS.has(field.toLowerCase()))) return REDACTED;
  if (typeof value === 'string') return scrubTokens(value);
  if (Array.isArray(value)) {
    if (field !== undefined && ENV_FIELDS.has(field.toLowerCase())) {
      return value.map((entry) => (typeof entry === 'string' ? redactEnvEntry(entry, isSecretName) : walk(entry, undefined, isSecretName)));
    }
    if (field !== undefined && VARIABLE_FIELDS.has(field.toLowerCase())) return value.map((entry) => redactVariable(walk(entry, undefined, isSecretName)));
    if (field !== undefined && ARGV_FIELDS.has(field.toLowerCase()) && value.every((v) => typeof v === 'string')) return redactArgv(value as string[], isSecretName);
    return value.map((entry) => walk(entry, undefined, isSecretName));
  }
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, member] of Object.entries(value)) setOwn(out, key, walk(member, key, isSecretName));
  if (typeof value['key'] === 'string' && 'value' in value && value['value'] !== null && isSecretName(value['key'])) {
    setOwn(out, 'value', REDACTED);
  }
  return out;
}

/**
 * Interpolation variables (`{ name, value }` in stackDeploy's `variables`): every value, whatever
 * its name, since a compose file's `environment:` secret takes its data from one.
 */
const VARIABLE_FIELDS = new Set(['variables']);

function redactVariable(entry: JsonValue): JsonValue {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || !('value' in entry) || entry['value'] === null) return entry;
  const out = { ...entry };
  setOwn(out, 'value', REDACTED);
  return out;
}

/** Whether a field name says its value is secret (see redactInput). */
export function isSecretField(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.-]+/)
    .filter((w) => w !== '');
  const last = words.at(-1) ?? '';
  if (words.length > 1 && REFERENCE_WORDS.has(last)) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  return words.length > 1 && (last === 'key' || last === 'keys');
}

/** `NAME=VALUE` with a secret NAME becomes `NAME=[redacted]`; other entries lose only tokens. */
export function redactEnvEntry(entry: string, isSecretName: (name: string) => boolean): string {
  const eq = entry.indexOf('=');
  if (eq < 0) return scrubTokens(entry);
  const name = entry.slice(0, eq);
  return isSecretName(name) ? `${name}=${REDACTED}` : `${name}=${scrubTokens(entry.slice(eq + 1))}`;
}

/** Replaces join tokens and unlock keys inside a string. */
export function scrubTokens(text: string): string {
  return text.replace(SWARM_TOKEN, REDACTED).replace(SWARM_UNLOCK_KEY, REDACTED);
}

/** `NAME=VALUE` or `--name=value` as a whole argument. */
const ASSIGNMENT_ARG = /^(-{0,2})([A-Za-z_][A-Za-z0-9_.-]*)=/;
/** `word=value` inside an argument (a shell script given to `sh -c`): the value runs to a blank or a shell separator. */
const INNER_ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_.-]*)=([^\s;&|]*)/g;
/** A flag that takes its value as the next argument: `-p`, `--password`, `--api-token`. */
const FLAG_ARG = /^-{1,2}([A-Za-z][A-Za-z0-9_.-]*)$/;

/**
 * THE rule for secrets in a command line (an exec'd command, a container's or service's
 * arguments), with `isSecretName` the env name patterns (PASSWORD, TOKEN, SECRET, KEY, ...):
 * - an argument `NAME=VALUE` or `--name=value` whose name is secret keeps the name,
 *   the value becomes `[redacted]` (`DB_PASSWORD=[redacted]`, `--token=[redacted]`);
 * - inside any other argument (a script for `sh -c`), each `name=value` whose name is
 *   secret has its value, up to the next blank or `;`, `&`, `|`, replaced;
 * - the argument after a flag whose name is secret (`--password`, `-secret`,
 *   `--api-key`) is replaced whole;
 * - join tokens and unlock keys anywhere, as in every string.
 * What it cannot see is kept: a secret given positionally or behind a short flag with an
 * innocent name (`mysql -p hunter2`) stays; such values belong in env or a secret.
 */
export function redactArgv(args: readonly string[], isSecretName: (name: string) => boolean): string[] {
  return args.map((arg, i) => {
    const previous = i > 0 ? FLAG_ARG.exec(args[i - 1]!) : null;
    if (previous && isSecretName(previous[1]!)) return REDACTED;
    const whole = ASSIGNMENT_ARG.exec(arg);
    if (whole) return isSecretName(whole[2]!) ? `${whole[0]}${REDACTED}` : `${whole[0]}${redactInner(arg.slice(whole[0].length), isSecretName)}`;
    return redactInner(arg, isSecretName);
  });
}

function redactInner(text: string, isSecretName: (name: string) => boolean): string {
  return scrubTokens(text.replace(INNER_ASSIGNMENT, (all, name: string) => (isSecretName(name) ? `${name}=${REDACTED}` : all)));
}
