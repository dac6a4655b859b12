// The schema's key/value and label-change inputs as the engine layer's options (shared by
// every resource's input conversion).
import type { KeyValueInput, LabelChangesInput } from '../generated/graphql.ts';
import type { LabelChangeOptions } from '../docker/mapping/index.ts';
import type { KeyValueLike } from '../validate/index.ts';

export function keyValueOptions(pairs: readonly KeyValueInput[] | null | undefined): KeyValueLike[] | null | undefined {
  return pairs == null ? pairs : pairs.map((p) => ({ key: p.key, value: p.value }));
}

export function labelChangeOptions(changes: LabelChangesInput | null | undefined): LabelChangeOptions | null | undefined {
  return changes == null ? changes : { add: keyValueOptions(changes.add), remove: changes.remove };
}
