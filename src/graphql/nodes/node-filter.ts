// `docker node ls --filter` semantics over the nodes list the Engine returns whole.
import type { NodeFilter } from '../../generated/graphql.ts';
import type { Node as EngineNode } from '../../docker/engine-api/index.ts';

/** `key` matches a node that has the label; `key=value` one where it has that value. */
export function matchesLabel(labels: Record<string, string> | null | undefined, selector: string): boolean {
  const i = selector.indexOf('=');
  const key = i < 0 ? selector : selector.slice(0, i);
  if (!labels || !(key in labels)) return false;
  return i < 0 || labels[key] === selector.slice(i + 1);
}

export function matchesNodeFilter(node: EngineNode, filter: NodeFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.role && node.Spec.Role !== filter.role.toLowerCase()) return false;
  if (filter.availability && node.Spec.Availability !== filter.availability.toLowerCase()) return false;
  if (filter.label?.some((l) => !matchesLabel(node.Spec.Labels, l))) return false;
  if (filter.name) {
    const names = [node.Spec.Name ?? '', node.Description?.Hostname ?? ''];
    if (!names.some((n) => n !== '' && n.startsWith(filter.name!))) return false;
  }
  return true;
}
