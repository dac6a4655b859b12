// Which networks a service spec attaches. TaskTemplate.Networks is the place; the
// ServiceSpec's own Networks is its deprecated predecessor, which the engine still honours
// for specs written that way: swarmkit's allocator and the Docker CLI read it only when
// TaskTemplate.Networks is empty. Every reader of a spec's networks decides it here.
import type { NetworkAttachmentConfig } from '../engine-api/service.ts';

/** The part of a service spec that names networks (the Engine's ServiceSpec, read or about to be sent). */
export interface SpecWithNetworks {
  TaskTemplate?: { Networks?: readonly NetworkAttachmentConfig[] | null } | null;
  Networks?: readonly NetworkAttachmentConfig[] | null;
}

/** The networks the spec attaches: TaskTemplate.Networks, or the deprecated Spec.Networks when that is empty. */
export function specNetworks(spec: SpecWithNetworks): readonly NetworkAttachmentConfig[] {
  const current = spec.TaskTemplate?.Networks;
  return current && current.length > 0 ? current : (spec.Networks ?? []);
}
