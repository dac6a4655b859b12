// The stack's own secrets and configs (docker/cli convert.Secrets and convert.Configs): every
// one the file declares, used or not; an external one by name only. Data is the loader's
// resolved data, base64 as the Engine's JSON carries Go's []byte. A secret with a driver has
// no data (the driver fetches it), as driverObjectConfig gives.
import type { ConfigSpec, SecretSpec } from '../../engine-api/index.ts';
import type { ComposeFileObject } from '../compose-file.ts';
import type { StackFileObject } from '../stack-resources.ts';
import { compareText } from '../../mapping/common.ts';
import { scopedName, withStackLabel } from './namespace.ts';
import type { ConversionProblems } from './problems.ts';

export type FileObjectKind = 'secrets' | 'configs';

/** The engine name: the file's `name`; an external one without it by its key (the CLI's loader); else `<stack>_<key>`. */
export function fileObjectEngineName(namespace: string, key: string, object: ComposeFileObject): string {
  if (object.name) return object.name;
  return object.external ? key : scopedName(namespace, key);
}

const base64 = (data: string) => Buffer.from(data, 'utf8').toString('base64');

export function convertSecrets(namespace: string, secrets: Record<string, ComposeFileObject>, problems: ConversionProblems): StackFileObject<SecretSpec>[] {
  return sortedKeys(secrets).map((key) => {
    const secret = secrets[key]!;
    const name = fileObjectEngineName(namespace, key, secret);
    if (secret.external) return { key, name, external: true, spec: null };
    const spec: SecretSpec = { Name: name, Labels: withStackLabel(namespace, secret.labels) };
    if (secret.driver) {
      spec.Driver = { Name: secret.driver, ...nonEmpty('Options', secret.driver_opts) };
    } else {
      const data = dataOf('secrets', key, secret, problems);
      if (data !== '') spec.Data = data;
    }
    if (secret.template_driver) spec.Templating = { Name: secret.template_driver };
    return { key, name, external: false, spec };
  });
}

export function convertConfigs(namespace: string, configs: Record<string, ComposeFileObject>, problems: ConversionProblems): StackFileObject<ConfigSpec>[] {
  return sortedKeys(configs).map((key) => {
    const config = configs[key]!;
    const name = fileObjectEngineName(namespace, key, config);
    if (config.external) return { key, name, external: true, spec: null };
    const spec: ConfigSpec = { Name: name, Labels: withStackLabel(namespace, config.labels) };
    const data = dataOf('configs', key, config, problems);
    if (data !== '') spec.Data = data;
    if (config.template_driver) spec.Templating = { Name: config.template_driver };
    return { key, name, external: false, spec };
  });
}

/** The base64 data (Go's empty []byte is left out of the JSON, so "" means none is sent). */
function dataOf(kind: FileObjectKind, key: string, object: ComposeFileObject, problems: ConversionProblems): string {
  if (object.data === null) {
    problems.add([kind, key], `${kind === 'secrets' ? 'secret' : 'config'} ${JSON.stringify(key)} has no data: give it content or environment, or mark it external`);
    return '';
  }
  return base64(object.data);
}

function nonEmpty<K extends string>(field: K, map: Record<string, string>): Partial<Record<K, Record<string, string>>> {
  return Object.keys(map).length > 0 ? ({ [field]: { ...map } } as Partial<Record<K, Record<string, string>>>) : {};
}

function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).sort(compareText);
}
