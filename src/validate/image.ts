// Image references (`nginx`, `nginx:1.25`, `registry:5000/team/app@sha256:...`), by the
// grammar of distribution/reference that swarmkit applies to ContainerSpec.Image.
// Written without nested ambiguous quantifiers, so matching stays linear.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { q, type FieldPath } from './field.ts';

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$/;
const IPV6_DOMAIN = /^\[[0-9a-fA-F:.]+\](?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const NAME_MAX = 255;

function referenceProblem(ref: string): string | null {
  let rest = ref;
  const at = rest.indexOf('@');
  if (at >= 0) {
    if (!DIGEST.test(rest.slice(at + 1))) return 'its digest is not of the form algorithm:hex';
    rest = rest.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    if (!TAG.test(rest.slice(colon + 1))) return 'its tag may only have letters, digits, "_", "." and "-" (up to 128)';
    rest = rest.slice(0, colon);
  }
  if (rest.length > NAME_MAX) return `its name is longer than ${NAME_MAX} characters`;
  const parts = rest.split('/');
  const first = parts[0]!;
  // The first part is a registry when it looks like a host: has "." or ":", or is localhost.
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
    if (!DOMAIN.test(first) && !IPV6_DOMAIN.test(first)) return `its registry ${q(first)} is not a host name with an optional port`;
    parts.shift();
  }
  if (parts.length === 0 || parts.some((p) => !PATH_COMPONENT.test(p))) {
    return 'its repository name must be lowercase letters and digits, separated by "/", ".", "_", "__" or "-"';
  }
  return null;
}

/** An image reference as `docker service create IMAGE` takes it. */
export function validateImageRef(ref: string, field: FieldPath): UserErrorInit[] {
  if (ref === '') return [userError([...field], 'INVALID_VALUE', 'An image is required.')];
  const problem = referenceProblem(ref);
  if (!problem) return [];
  return [userError([...field], 'INVALID_VALUE', `${q(ref)} is not a valid image reference: ${problem}. Example: nginx:1.25 or registry.example.com:5000/team/app:1.0.`)];
}

/** A tag alone (`1.25`, `v2.0.1-rc1`), by the same grammar as the tag of a reference. */
export function validateImageTag(tag: string, field: FieldPath): UserErrorInit[] {
  if (TAG.test(tag)) return [];
  return [userError([...field], 'INVALID_VALUE', `${q(tag)} is not a valid image tag: it may only have letters, digits, "_", "." and "-" (up to 128), not starting with "." or "-". Example: 1.25.3.`)];
}

/** The repository of a reference (registry and path), without its tag and digest: `registry:5000/team/app` of `registry:5000/team/app:1.0@sha256:...`. */
export function imageRepository(ref: string): string {
  const at = ref.indexOf('@');
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}
