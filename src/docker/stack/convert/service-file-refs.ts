// A service's secret and config references (docker/cli convertServiceSecrets,
// convertServiceConfigObjs, convertFileObject and service.ParseSecrets/ParseConfigs): the
// engine name of the stack's object, the file target defaulting to the source key, uid and gid
// "0", mode 0444; two references with one target are refused; sorted by name (the CLI sorts
// them so that a redeploy does not restart the service). IDs stay empty: the deploy fills them.
import type { FileReference } from '../../engine-api/index.ts';
import { compareText } from '../../mapping/common.ts';
import type { ComposeFileObject, ComposeFileReference } from '../compose-file.ts';
import { fileObjectEngineName, type FileObjectKind } from './file-objects.ts';
import type { ComposePath, ConversionProblems } from './problems.ts';

const DEFAULT_MODE = 0o444;

export function convertFileReferences(
  namespace: string,
  kind: FileObjectKind,
  references: readonly ComposeFileReference[],
  declared: Record<string, ComposeFileObject>,
  path: ComposePath,
  problems: ConversionProblems,
): FileReference[] {
  const singular = kind === 'secrets' ? 'secret' : 'config';
  const targets = new Set<string>();
  const refs: FileReference[] = [];
  references.forEach((ref, i) => {
    const object = Object.hasOwn(declared, ref.source) ? declared[ref.source] : undefined;
    if (!object) {
      problems.add([...path, String(i), 'source'], `undefined ${singular} ${JSON.stringify(ref.source)}`);
      return;
    }
    const name = fileObjectEngineName(namespace, ref.source, object);
    const target = ref.target || ref.source;
    if (targets.has(target)) {
      problems.add([...path, String(i), 'target'], `duplicate ${singular} target for ${name} not allowed`);
      return;
    }
    targets.add(target);
    const file = { Name: target, UID: ref.uid || '0', GID: ref.gid || '0', Mode: ref.mode ?? DEFAULT_MODE };
    refs.push(kind === 'secrets' ? { File: file, SecretName: name } : { File: file, ConfigName: name });
  });
  // Stable: references to one object keep the file's order (the CLI's is a map's, i.e. random).
  return refs.sort((a, b) => compareText(a.SecretName ?? a.ConfigName ?? '', b.SecretName ?? b.ConfigName ?? ''));
}
