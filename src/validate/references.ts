// References to engine objects (IDs, ID prefixes, names), checked against Docker's grammar
// before anything is built from them. The engine cleans a path holding "..", "//" or an
// encoded "/" and answers a redirect to the cleaned path (whose first segment a redirect-
// following client takes for a host), so a reference is only ever put into a path once it
// is one path segment of Docker's own alphabet. This is the one rule; the engine layer's
// path builder (src/docker/api/engine-path.ts) and the lookups call it, and the GraphQL
// layer reports its refusals at the field (mutations) or as BAD_REQUEST (queries).
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { InvalidReferenceError } from '../errors/gateway-error.ts';
import { q, type FieldPath } from './field.ts';

/** What a reference names; each kind is one Engine API collection. */
export type ReferenceKind = 'container' | 'network' | 'service' | 'node' | 'task' | 'secret' | 'config' | 'exec';

/**
 * Names (moby's `RestrictedNamePattern`), hostnames and IDs alike: IDs and ID prefixes are
 * hex (containers, networks) or lowercase base-36 (swarm objects), both inside this alphabet.
 */
const REFERENCE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Longer than any name or ID Docker makes (a hostname is at most 253); keeps messages and paths bounded. */
const MAX_LENGTH = 255;

const WHAT: Record<ReferenceKind, string> = {
  container: 'a container ID or name',
  network: 'a network ID or name',
  service: 'a service ID or name',
  node: 'a node ID or hostname',
  task: 'a task ID',
  secret: 'a secret ID or name',
  config: 'a config ID or name',
  exec: 'an exec instance ID',
};

/** The reference as the engine takes it: Docker writes container names with a leading "/" (`docker inspect` shows `/web`), which is accepted and dropped. */
export function normalizeReference(kind: ReferenceKind, ref: string): string {
  return kind === 'container' && ref.startsWith('/') ? ref.slice(1) : ref;
}

/** Why `ref` cannot name a `kind`, or null when it can. */
export function referenceProblem(kind: ReferenceKind, ref: string): string | null {
  const value = normalizeReference(kind, ref);
  if (value === '') return `${capitalized(WHAT[kind])} is required.`;
  const shown = ref.length > 80 ? `${q(ref.slice(0, 80))}...` : q(ref);
  if (value.length > MAX_LENGTH) return `${shown} is not ${WHAT[kind]}: it is ${value.length} characters long (at most ${MAX_LENGTH}).`;
  if (!REFERENCE.test(value)) {
    return `${shown} is not ${WHAT[kind]}: names start with a letter or digit and use only letters, digits, "_", "." and "-"; IDs are hexadecimal or lowercase letters and digits.`;
  }
  return null;
}

/** For inputs: the problem as a userError at `field` (INVALID_VALUE), or nothing. */
export function validateReference(kind: ReferenceKind, ref: string, field: FieldPath): UserErrorInit[] {
  const problem = referenceProblem(kind, ref);
  return problem ? [userError([...field], 'INVALID_VALUE', problem)] : [];
}

/** For the engine layer: the normalised reference, or InvalidReferenceError (BAD_REQUEST). */
export function checkedReference(kind: ReferenceKind, ref: string): string {
  const problem = referenceProblem(kind, ref);
  if (problem) throw new InvalidReferenceError(ref, problem);
  return normalizeReference(kind, ref);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
