// A compose service's converted spec applied onto the service the stack already runs, as
// `docker stack deploy` does (docker/cli deployServices): the file replaces the spec, except
// - the image: when the file names the same image as last time (the `com.docker.stack.image`
//   label), the running spec's image stays, with the digest the engine pinned on the first
//   deploy; otherwise every redeploy would look like a new image;
// - TaskTemplate.ForceUpdate: a stack has no `--force`, so the counter stays and no task is
//   replaced for it;
// - the replica count: a file without `deploy.replicas` keeps the count the service runs at
//   (a `docker service scale` survives a redeploy), as the engine does for an update without one.
import type { Service as EngineService, ServiceSpec } from '../../docker/engine-api/index.ts';
import { STACK_IMAGE_LABEL } from '../../docker/stack/stack-resources.ts';

export function mergeStackService(converted: ServiceSpec, current: EngineService | null): ServiceSpec {
  const spec = structuredClone(converted);
  if (!current) return spec;
  const running = current.Spec;
  const image = spec.TaskTemplate.ContainerSpec?.Image;
  if (spec.TaskTemplate.ContainerSpec && image !== undefined && image === running.Labels?.[STACK_IMAGE_LABEL] && running.TaskTemplate.ContainerSpec?.Image) {
    spec.TaskTemplate.ContainerSpec.Image = running.TaskTemplate.ContainerSpec.Image;
  }
  spec.TaskTemplate.ForceUpdate = running.TaskTemplate.ForceUpdate ?? 0;
  const replicated = spec.Mode.Replicated;
  const runningReplicas = running.Mode.Replicated?.Replicas;
  if (replicated && (replicated.Replicas === undefined || replicated.Replicas === null) && runningReplicas !== undefined) replicated.Replicas = runningReplicas;
  return spec;
}
