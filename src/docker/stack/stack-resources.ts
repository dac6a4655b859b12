// What a stack is made of once converted (convert/), before anything is sent: the engine
// bodies `docker stack deploy` would send, named `<stack>_<key>` and labelled with the
// namespace. Two things stay for the deploy step to fill in, because they need the engine:
// a service's network attachments name networks by engine name (Target), to be resolved to
// IDs, and its secret and config references carry names only (SecretID/ConfigID empty).
import type { NetworkCreateRequest } from '../engine-api/network.ts';
import type { ConfigSpec, SecretSpec } from '../engine-api/secret.ts';
import type { ServiceSpec } from '../engine-api/service.ts';

/** The label on everything a stack owns (docker/cli `convert.LabelNamespace`). */
export const STACK_NAMESPACE_LABEL = 'com.docker.stack.namespace';
/** The label on a stack's services naming the image as the file wrote it (docker/cli `convert.LabelImage`). */
export const STACK_IMAGE_LABEL = 'com.docker.stack.image';

export interface StackNetwork {
  /** The key in the compose file's `networks` (`default` for the implicit one). */
  key: string;
  /** The engine name: `<stack>_<key>`, the file's `name`, or the external name. */
  name: string;
  external: boolean;
  /** The create body, for a network the stack owns; null for an external one. */
  create: NetworkCreateRequest | null;
}

export interface StackFileObject<Spec> {
  /** The key in the compose file's `secrets` or `configs`. */
  key: string;
  name: string;
  external: boolean;
  /** The create body with its Data (base64), for one the stack owns; null for an external one. */
  spec: Spec | null;
}

export interface StackService {
  /** The key in the compose file's `services`. */
  key: string;
  /** `<stack>_<key>`. */
  name: string;
  spec: ServiceSpec;
}

export interface StackResources {
  /** The stack's name (the namespace). */
  namespace: string;
  networks: StackNetwork[];
  secrets: StackFileObject<SecretSpec>[];
  configs: StackFileObject<ConfigSpec>[];
  services: StackService[];
}
