// The GraphQL node input -> the engine layer's node options, field by field under the same
// names (so the engine layer's problem paths are the input's, under `input`); the selecting
// arguments (cluster, id, version) stay here.
import type { NodeUpdateInput } from '../../generated/graphql.ts';
import type { NodeUpdateOptions } from '../../docker/mapping/index.ts';
import { labelChangeOptions } from '../key-value-options.ts';

export function nodeUpdateOptions(input: NodeUpdateInput): NodeUpdateOptions {
  return { availability: input.availability, role: input.role, labels: labelChangeOptions(input.labels) };
}
