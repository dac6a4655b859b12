// What differs between secrets and configs for the resolvers, in one descriptor per kind;
// every resolver of this folder is written once over a descriptor.
import type { Config, ContainerSpec, FileReference, Secret } from '../../docker/engine-api/index.ts';
import { configsApi } from '../../docker/api/configs.ts';
import { secretsApi } from '../../docker/api/secrets.ts';
import type { StoredKind, StoredObjectApi } from '../../docker/api/stored-objects.ts';
import { toConfigModel, toSecretModel, type ConfigModel, type SecretModel } from '../../docker/model/stored-object.ts';

export interface StoredKindInfo<T extends Secret | Config, M extends SecretModel | ConfigModel> {
  kind: StoredKind;
  /** How a message names one: `Secret "db-password"`. */
  Label: 'Secret' | 'Config';
  api: StoredObjectApi<T>;
  toModel(cluster: string, object: T): M;
  /** The container spec's references of this kind. */
  references(spec: ContainerSpec | undefined): FileReference[];
  /** The ID a reference names (the engine stores both ID and name; the ID is what counts). */
  referencedId(ref: FileReference): string | undefined;
}

export const SECRETS: StoredKindInfo<Secret, SecretModel> = {
  kind: 'secret',
  Label: 'Secret',
  api: secretsApi,
  toModel: toSecretModel,
  references: (spec) => spec?.Secrets ?? [],
  referencedId: (ref) => ref.SecretID,
};

export const CONFIGS: StoredKindInfo<Config, ConfigModel> = {
  kind: 'config',
  Label: 'Config',
  api: configsApi,
  toModel: toConfigModel,
  references: (spec) => spec?.Configs ?? [],
  referencedId: (ref) => ref.ConfigID,
};

/** What reading a service's references of one kind needs. */
export type ReferenceReader = Pick<StoredKindInfo<Secret | Config, SecretModel | ConfigModel>, 'references' | 'referencedId'>;
