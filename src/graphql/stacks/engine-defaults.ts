// A stack service's spec as the engine would store it: the engine stores a spec with
// its defaults filled in (EndpointSpec.Mode "vip", ContainerSpec.Isolation "default",
// TaskTemplate.Runtime "container", an update config's FailureAction "pause" and Order
// "stop-first" when sent empty), and the converter, like the CLI, leaves them out. Both sides
// get the defaults before they are compared, so a redeploy of the same file is `unchanged`
// (nothing sent) rather than an update to the very spec the service has, and a plan shows
// neither a difference at a default's path nor a task replaced for one (plan-changes.ts).
// Only the comparison sees the defaults: what is sent stays what the CLI sends.
import type { ServiceSpec, UpdateConfig } from '../../docker/engine-api/index.ts';
import { specDiff, type SpecChange } from '../../docker/rollout/spec-diff.ts';

/** A copy of `spec` with the engine's defaults filled in where it leaves them out. */
export function withEngineDefaults(spec: ServiceSpec): ServiceSpec {
  const s = structuredClone(spec);
  s.EndpointSpec = { ...(s.EndpointSpec ?? {}), Mode: s.EndpointSpec?.Mode || 'vip' };
  const cs = s.TaskTemplate.ContainerSpec;
  if (cs) {
    cs.Isolation = cs.Isolation || 'default';
    s.TaskTemplate.Runtime = s.TaskTemplate.Runtime || 'container';
  }
  const update = (c: UpdateConfig | undefined): UpdateConfig | undefined => (c ? { ...c, FailureAction: c.FailureAction || 'pause', Order: c.Order || 'stop-first' } : c);
  s.UpdateConfig = update(s.UpdateConfig);
  s.RollbackConfig = update(s.RollbackConfig);
  return s;
}

/** The spec paths in which `next` would change the service's `current` spec, engine defaults aside. */
export function serviceSpecChanges(current: ServiceSpec, next: ServiceSpec): SpecChange[] {
  return specDiff(withEngineDefaults(current), withEngineDefaults(next));
}
