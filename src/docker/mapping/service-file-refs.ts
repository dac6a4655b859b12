// `docker service update --secret-rm/--secret-add/--config-rm/--config-add` on a container
// spec's references. The added references arrive resolved (ID, name, file) by the caller, who
// alone knows which secrets the caller may read; this file only merges. As the CLI, removals
// apply first (by the secret's name, or here also its full ID), so one call can drop a file and
// mount another under the same target. Stricter than the CLI: removing a reference the service
// does not have is REFERENCE_NOT_FOUND (the CLI ignores it; a typo would silently keep a
// secret), and an added target the service already uses is INVALID_VALUE (the engine refuses
// it later with a less precise message).
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import type { ContainerSpec, FileReference } from '../engine-api/index.ts';

export type FileReferenceKind = 'secret' | 'config';

/** The resolved additions of one update, per kind. */
export interface AddedFileReferences {
  secrets: readonly FileReference[];
  configs: readonly FileReference[];
}

export const NO_ADDED_FILE_REFERENCES: AddedFileReferences = { secrets: [], configs: [] };

const KINDS = {
  secret: { key: 'Secrets', add: 'secretAdd', remove: 'secretRemove', id: (r: FileReference) => r.SecretID, name: (r: FileReference) => r.SecretName },
  config: { key: 'Configs', add: 'configAdd', remove: 'configRemove', id: (r: FileReference) => r.ConfigID, name: (r: FileReference) => r.ConfigName },
} as const;

/**
 * The container's references of `kind` with `remove` (names or IDs) dropped and `add` appended.
 * Returns the problems (paths `secretRemove.N`, `secretAdd.N.target`, ...) and changes nothing
 * when there are any, so the caller reports secrets' and configs' problems together.
 */
export function updateFileReferences(container: ContainerSpec, serviceName: string, kind: FileReferenceKind, remove: readonly string[], add: readonly FileReference[]): UserErrorInit[] {
  const k = KINDS[kind];
  const errors: UserErrorInit[] = [];
  const current = container[k.key] ?? [];
  const matches = (ref: FileReference, given: string) => k.name(ref) === given || k.id(ref) === given;
  remove.forEach((given, i) => {
    if (!current.some((ref) => matches(ref, given))) errors.push(userError([k.remove, String(i)], 'REFERENCE_NOT_FOUND', `The service ${serviceName} does not use the ${kind} ${JSON.stringify(given)}.`));
  });
  const kept = current.filter((ref) => !remove.some((given) => matches(ref, given)));
  const targets = new Set(kept.map((ref) => ref.File?.Name));
  add.forEach((ref, i) => {
    const target = ref.File?.Name;
    if (targets.has(target)) errors.push(userError([k.add, String(i), 'target'], 'INVALID_VALUE', `The service ${serviceName} already has a ${kind} file named ${JSON.stringify(target)}; remove it in the same call (${k.remove}) or choose another target.`));
    targets.add(target);
  });
  if (errors.length) return errors;
  const next = [...kept, ...add.map((ref) => structuredClone(ref))];
  if (next.length > 0) container[k.key] = next;
  else delete container[k.key];
  return [];
}
