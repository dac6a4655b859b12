// Which services reference a secret or config (their container spec names its ID). A
// label-scoped caller is told the names of the services it may read; the others are only
// counted, so a removal refused IN_USE leaks no other team's service names.
import type { Service as EngineService } from '../../docker/engine-api/index.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Scope } from '../../auth/access-decision.ts';
import type { ReferenceReader } from './stored-kinds.ts';

export interface StoredObjectUsers {
  /** Services the caller may read that reference it. */
  readable: EngineService[];
  /** How many other services reference it. */
  outOfScope: number;
}

export function references(info: ReferenceReader, service: EngineService, id: string): boolean {
  return info.references(service.Spec.TaskTemplate?.ContainerSpec).some((r) => info.referencedId(r) === id);
}

export async function storedObjectUsers(info: ReferenceReader, readScope: Scope, loaders: ClusterLoaders, id: string): Promise<StoredObjectUsers> {
  const readable = (await loaders.services()).filter((s) => references(info, s, id));
  if (readScope.all) return { readable, outOfScope: 0 };
  const all = (await loaders.unscoped().services()).filter((s) => references(info, s, id));
  return { readable, outOfScope: all.length - readable.length };
}

/** `service(s) web, api; 1 service(s) outside your grants' label scope`. */
export function describeStoredUsers(users: StoredObjectUsers): string {
  const parts: string[] = [];
  if (users.readable.length) parts.push(`service(s) ${users.readable.map((s) => s.Spec.Name ?? s.ID).sort().join(', ')}`);
  if (users.outOfScope) parts.push(`${users.outOfScope} service(s) outside your grants' label scope`);
  return parts.join('; ');
}
