// nodeUpdate -> the new NodeSpec for `POST /nodes/{id}/update`, as `docker node update`
// (cli/command/node/update.go) changes the spec it read: availability and role lowercased,
// then `--label-add`, then `--label-rm` (so adding and removing one key removes it), and
// removing a key the node does not have is an error, as in the CLI.
import type { NodeUpdateInput } from '../../generated/graphql.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { at, validateLabelKeys, validateLabels } from '../../validate/index.ts';
import { throwIfInvalid, toStringMap } from './common.ts';
import type { NodeSpec } from './engine-types.ts';

/** Everything about a nodeUpdate input that can be checked without the engine. */
export function validateNodeUpdateInput(input: NodeUpdateInput): UserErrorInit[] {
  const field = ['input', 'labels'];
  return [...validateLabels(input.labels?.add ?? [], at(field, 'add')), ...validateLabelKeys(input.labels?.remove ?? [], at(field, 'remove'))];
}

/** The new spec: a deep copy of `current` with the changes. Throws UserInputError when invalid. */
export function applyNodeUpdate(current: NodeSpec, input: NodeUpdateInput): NodeSpec {
  throwIfInvalid(validateNodeUpdateInput(input));
  const spec = structuredClone(current);
  if (input.availability != null) spec.Availability = input.availability.toLowerCase() as NodeSpec['Availability'];
  if (input.role != null) spec.Role = input.role.toLowerCase() as NodeSpec['Role'];
  const labels = { ...(spec.Labels ?? {}), ...toStringMap(input.labels?.add) };
  const errors: UserErrorInit[] = [];
  (input.labels?.remove ?? []).forEach((key, i) => {
    if (Object.hasOwn(labels, key)) delete labels[key];
    else errors.push(userError(at(['input', 'labels', 'remove'], i), 'INVALID_VALUE', `The node has no label ${JSON.stringify(key)} to remove.`));
  });
  throwIfInvalid(errors);
  spec.Labels = labels;
  return spec;
}
