// Secrets and configs: `GET /secrets[/{id}]`, `POST /secrets/create`, `/secrets/{id}/update`,
// and the same under `/configs` (`swarm.Secret`, `swarm.Config`). The engine never returns a
// secret's Data; a config's Data comes back (base64).
import type { Driver, Labels, Meta } from './common.ts';

/** `swarm.SecretSpec` / `swarm.ConfigSpec`: Data is base64 in JSON (Go's []byte). */
export interface SecretSpec {
  Name: string;
  Labels?: Labels;
  /** Only in a create; swarmkit refuses an update that changes it. */
  Data?: string;
  Driver?: Driver | null;
  Templating?: Driver | null;
}

export type ConfigSpec = Omit<SecretSpec, 'Driver'>;

export interface Secret extends Meta {
  ID: string;
  Spec: SecretSpec;
}

export interface Config extends Meta {
  ID: string;
  Spec: ConfigSpec;
}

/** `POST /secrets/create` and `/configs/create` answer the new ID. */
export interface StoredObjectCreateResponse {
  ID: string;
}

/** `swarm.SecretReference` / `swarm.ConfigReference` in a container spec. */
export interface FileReference {
  File?: { Name: string; UID: string; GID: string; Mode: number };
  SecretID?: string;
  SecretName?: string;
  ConfigID?: string;
  ConfigName?: string;
}
