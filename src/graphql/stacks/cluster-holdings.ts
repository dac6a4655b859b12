// What the cluster holds that a stack deploy must know about, read whole (not through the
// caller's scope): the stack's own objects (the namespace label) and every object's name, so
// a name the stack would create that a foreign object holds is refused rather than adopted,
// and a scoped caller is refused when the stack holds something outside its scope.
import type { Config, Network, Secret, Service } from '../../docker/engine-api/index.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { configsApi } from '../../docker/api/configs.ts';
import { secretsApi } from '../../docker/api/secrets.ts';
import { STACK_NAMESPACE_LABEL } from '../../docker/stack/stack-resources.ts';

export interface ClusterHoldings {
  services: Service[];
  networks: Network[];
  secrets: Secret[];
  configs: Config[];
}

type Labels = Record<string, string> | null | undefined;

export const ownedBy = (namespace: string, labels: Labels): boolean => labels?.[STACK_NAMESPACE_LABEL] === namespace;

/** Everything of the cluster, unscoped (the engine's state: the mutation reads the engine). */
export async function readHoldings(loaders: ClusterLoaders): Promise<ClusterHoldings> {
  const all = loaders.unscoped();
  const [services, networks, secrets, configs] = await Promise.all([all.services(), all.networks(), secretsApi.list(loaders.client), configsApi.list(loaders.client)]);
  return { services, networks, secrets, configs };
}

/** The namespace's objects, each kind sorted by name (the order docker stack rm removes them in). */
export function stackHoldings(namespace: string, h: ClusterHoldings): ClusterHoldings {
  const by = <T>(name: (t: T) => string) => (a: T, b: T) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
  return {
    services: h.services.filter((s) => ownedBy(namespace, s.Spec.Labels)).sort(by((s) => s.Spec.Name ?? '')),
    networks: h.networks.filter((n) => ownedBy(namespace, n.Labels)).sort(by((n) => n.Name)),
    secrets: h.secrets.filter((s) => ownedBy(namespace, s.Spec.Labels)).sort(by((s) => s.Spec.Name)),
    configs: h.configs.filter((c) => ownedBy(namespace, c.Spec.Labels)).sort(by((c) => c.Spec.Name)),
  };
}

/** Every labelled object of the stack as `{ kind, name, labels }`, for the scope check. */
export function labelledObjects(h: ClusterHoldings): { kind: string; name: string; labels: Labels }[] {
  return [
    ...h.services.map((s) => ({ kind: 'service', name: s.Spec.Name ?? s.ID, labels: s.Spec.Labels })),
    ...h.networks.map((n) => ({ kind: 'network', name: n.Name, labels: n.Labels })),
    ...h.secrets.map((s) => ({ kind: 'secret', name: s.Spec.Name, labels: s.Spec.Labels })),
    ...h.configs.map((c) => ({ kind: 'config', name: c.Spec.Name, labels: c.Spec.Labels })),
  ];
}
