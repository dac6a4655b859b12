// Secrets and configs are one kind of Engine object twice over (swarmkit's "stored
// objects": a name, labels and data kept in the raft log, mounted as files into tasks), so
// their calls are built once here, per collection; secrets.ts and configs.ts name them.
import type { Config, Secret, SecretSpec, StoredObjectCreateResponse } from '../engine-api/index.ts';
import type { EngineApi } from '../endpoint.ts';
import { objectPath } from './engine-path.ts';

export type StoredKind = 'secret' | 'config';

/** The list filters the Engine applies itself (`docker secret ls --filter`). */
export interface StoredObjectFilters {
  name?: string[];
  id?: string[];
  label?: string[];
}

export interface StoredObjectApi<T extends Secret | Config> {
  kind: StoredKind;
  list(api: EngineApi, filters?: StoredObjectFilters): Promise<T[]>;
  inspect(api: EngineApi, ref: string): Promise<T>;
  /** `Data` base64; answers the new ID. */
  create(api: EngineApi, spec: SecretSpec): Promise<string>;
  /** Labels only: swarmkit refuses any other change (`version` is the object's Version.Index). */
  updateLabels(api: EngineApi, current: T, labels: Record<string, string>): Promise<void>;
  /**
   * The whole spec, Data included, at the object's version (`docker stack deploy` updates a
   * stack's secrets so): swarmkit applies the labels and refuses a Data that differs from the
   * stored one ("only updates to Labels are allowed"), so the engine tells whether it changed.
   */
  updateSpec(api: EngineApi, current: T, spec: SecretSpec): Promise<void>;
  remove(api: EngineApi, id: string): Promise<void>;
}

export function storedObjectApi<T extends Secret | Config>(kind: StoredKind): StoredObjectApi<T> {
  const collection = `/${kind}s`;
  return {
    kind,
    list(api, filters) {
      const given = Object.fromEntries(Object.entries(filters ?? {}).filter(([, v]) => v && v.length));
      const query = Object.keys(given).length ? { filters: JSON.stringify(given) } : undefined;
      return api.request<T[]>({ method: 'GET', path: collection, query });
    },
    inspect(api, ref) {
      return api.request<T>({ method: 'GET', path: objectPath(kind, ref) });
    },
    async create(api, spec) {
      const created = await api.request<StoredObjectCreateResponse>({ method: 'POST', path: `${collection}/create`, body: spec });
      return created.ID;
    },
    async updateLabels(api, current, labels) {
      // The spec goes back whole but without Data: the engine keeps the stored data (and a
      // secret's inspect never had it).
      const { Data: _data, ...spec } = current.Spec as SecretSpec;
      await api.request<void>({ method: 'POST', path: objectPath(kind, current.ID, 'update'), query: { version: current.Version.Index }, body: { ...spec, Labels: labels } });
    },
    async updateSpec(api, current, spec) {
      await api.request<void>({ method: 'POST', path: objectPath(kind, current.ID, 'update'), query: { version: current.Version.Index }, body: spec });
    },
    async remove(api, id) {
      await api.request<void>({ method: 'DELETE', path: objectPath(kind, id) });
    },
  };
}
