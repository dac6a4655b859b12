// A stack's names and labels (docker/cli convert.Namespace and addStackLabel): everything the
// stack owns is named `<stack>_<key>` and carries the namespace label, which is how
// `docker stack ls/ps/services/rm` find it.
import type { StringMap } from '../../engine-api/index.ts';
import { STACK_NAMESPACE_LABEL } from '../stack-resources.ts';

/** `<stack>_<key>` (Namespace.Scope). */
export function scopedName(namespace: string, key: string): string {
  return `${namespace}_${key}`;
}

/** The labels every object of the stack carries: the namespace label alone. */
export function stackLabelsOf(namespace: string): StringMap {
  return { [STACK_NAMESPACE_LABEL]: namespace };
}

/** The file's labels with the namespace label added (it wins over one the file sets, as in the CLI). */
export function withStackLabel(namespace: string, labels: Readonly<StringMap> | null | undefined): StringMap {
  return { ...Object.fromEntries(Object.entries(labels ?? {})), ...stackLabelsOf(namespace) };
}
