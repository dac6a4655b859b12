// Engine maps (labels, driver options, aux addresses) as the schema's key/value lists.
import type { KeyValue } from './types.ts';
import type { Labels as EngineLabels } from '../engine-api/index.ts';

/** Map entries as key/value pairs sorted by key, so output does not depend on map order. */
export function keyValues(map: EngineLabels): KeyValue[] {
  return Object.entries(map ?? {})
    .map(([key, value]) => ({ key, value: value ?? '' }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
