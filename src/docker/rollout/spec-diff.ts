// The difference between two service specs as leaf paths (`TaskTemplate.ContainerSpec.Image`):
// objects are walked key by key, arrays and scalars compared whole (a list's order is part of
// its meaning: Env, Args, Mounts). Keys whose value is undefined or null count as absent, as the
// engine leaves them out.
import { canonicalJson, sameJson } from './canonical-json.ts';

export interface SpecChange {
  path: string;
  /** The value before, as canonical JSON; null when absent. */
  before: string | null;
  after: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;

export function specDiff(before: unknown, after: unknown, path: readonly string[] = []): SpecChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => specDiff(before[k], after[k], [...path, k]));
  }
  if (!present(before) && !present(after)) return [];
  if (sameJson(before, after)) return [];
  return [{ path: path.join('.'), before: present(before) ? canonicalJson(before) : null, after: present(after) ? canonicalJson(after) : null }];
}
