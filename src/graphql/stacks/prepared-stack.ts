// What stackDeploy has decided before it sends anything (prepare.ts builds it; deploy.ts
// sends it; plan.ts shows it and hashes it). One path builds and checks every final body,
// so a plan and the deploy that follows it cannot judge the same input differently.
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { ComposeWarning } from '../../docker/stack/compose-file.ts';
import type { Config, ConfigSpec, Network, NetworkCreateRequest, Secret, SecretSpec, Service as EngineService, ServiceSpec } from '../../docker/engine-api/index.ts';

export type PreparedAction = 'create' | 'update' | 'unchanged' | 'remove';

export interface PreparedNetwork {
  key: string;
  name: string;
  /** `create` for one the stack owns and the engine lacks; `unchanged` for one that exists (owned or external). The CLI never updates a network. */
  action: 'create' | 'unchanged';
  external: boolean;
  /** The create body (scope labels stamped), for `create`. */
  create: NetworkCreateRequest | null;
  /** The engine's network, when it exists. */
  current: Network | null;
}

export interface PreparedFileObject<Spec, Current> {
  key: string;
  name: string;
  /** `create` when the engine lacks it, `update` when it exists and the stack owns it (labels; swarmkit refuses a data change), `unchanged` for an external one. */
  action: 'create' | 'update' | 'unchanged';
  external: boolean;
  /** The body to send for create or update (Data included: never logged, never returned). */
  spec: Spec | null;
  current: Current | null;
}

export interface PreparedService {
  key: string;
  name: string;
  /** `create`, `update` (the spec would change), `unchanged`, or `remove` (prune: the file no longer names it). */
  action: PreparedAction;
  /** The engine's service, when it exists. */
  current: EngineService | null;
  /** The converted spec with the current state applied (replicas kept, ForceUpdate kept...), before the policy; null for `remove`. */
  merged: ServiceSpec | null;
  /** The spec that would be sent, as the policy leaves it; null for `remove`. */
  spec: ServiceSpec | null;
}

export interface PreparedStack {
  loaders: ClusterLoaders;
  namespace: string;
  warnings: ComposeWarning[];
  networks: PreparedNetwork[];
  secrets: PreparedFileObject<SecretSpec, Secret>[];
  configs: PreparedFileObject<ConfigSpec, Config>[];
  /** In service-key order; pruned services last. */
  services: PreparedService[];
}
