// Engine secrets and configs as the schema's Secret and Config. A secret model has no data
// at all (the engine never returns it); a config's data is kept as the engine's base64 and
// decoded as UTF-8 when it is valid UTF-8.
import type { Config, Secret } from '../engine-api/index.ts';
import type { KeyValue } from './types.ts';
import { keyValues } from './key-values.ts';

export interface SecretModel {
  cluster: string;
  id: string;
  name: string;
  labels: KeyValue[];
  /** The raw labels, for scope checks and the rotation labels. */
  labelMap: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  version: number;
  driver: string | null;
}

export interface ConfigModel extends Omit<SecretModel, 'driver'> {
  dataBase64: string;
  /** The data as UTF-8 text, or null when it is not valid UTF-8. */
  data: string | null;
}

function common(cluster: string, o: Secret | Config): Omit<SecretModel, 'driver'> {
  return {
    cluster,
    id: o.ID,
    name: o.Spec.Name,
    labels: keyValues(o.Spec.Labels),
    labelMap: { ...(o.Spec.Labels ?? {}) },
    createdAt: o.CreatedAt,
    updatedAt: o.UpdatedAt,
    version: o.Version.Index,
  };
}

export function toSecretModel(cluster: string, s: Secret): SecretModel {
  return { ...common(cluster, s), driver: s.Spec.Driver?.Name || null };
}

export function toConfigModel(cluster: string, c: Config): ConfigModel {
  const dataBase64 = c.Spec.Data ?? '';
  return { ...common(cluster, c), dataBase64, data: utf8OrNull(Buffer.from(dataBase64, 'base64')) };
}

/** The bytes as text when they are valid UTF-8 (a fatal decoder refuses anything else). */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
