// nodeUpdate -> the new NodeSpec for `POST /nodes/{id}/update`, as `docker node update`
// (cli/command/node/update.go) changes the spec it read: availability and role lowercased,
// then `--label-add`, then `--label-rm` (so adding and removing one key removes it), and
// removing a key the node does not have is an error, as in the CLI.
import { InvalidOptionsError, rejectIfAny } from '../../errors/gateway-error.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { at, validateLabelKeys, validateLabels } from '../../validate/index.ts';
import { checked, toStringMap, type Checked, type LabelChangeOptions } from './common.ts';
import type { NodeSpec } from '../engine-api/index.ts';

/** `docker node update`'s flags (`--availability`, `--role`, `--label-add`, `--label-rm`); unset ones change nothing. */
export interface NodeUpdateOptions {
  availability?: 'ACTIVE' | 'PAUSE' | 'DRAIN' | null | undefined;
  role?: 'MANAGER' | 'WORKER' | null | undefined;
  labels?: LabelChangeOptions | null | undefined;
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateNodeUpdateOptions(input: NodeUpdateOptions): UserErrorInit[] {
  const field = ['labels'];
  return [...validateLabels(input.labels?.add ?? [], at(field, 'add')), ...validateLabelKeys(input.labels?.remove ?? [], at(field, 'remove'))];
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkNodeUpdateOptions(options: NodeUpdateOptions): Checked<NodeUpdateOptions> {
  return checked(options, validateNodeUpdateOptions(options));
}

/** The new spec: a deep copy of `current` with the changes. Throws InvalidOptionsError for a label the node does not have. */
export function applyNodeUpdate(current: NodeSpec, input: Checked<NodeUpdateOptions>): NodeSpec {
  const spec = structuredClone(current);
  if (input.availability != null) spec.Availability = input.availability.toLowerCase() as NodeSpec['Availability'];
  if (input.role != null) spec.Role = input.role.toLowerCase() as NodeSpec['Role'];
  const labels = { ...(spec.Labels ?? {}), ...toStringMap(input.labels?.add) };
  const errors: UserErrorInit[] = [];
  (input.labels?.remove ?? []).forEach((key, i) => {
    if (Object.hasOwn(labels, key)) delete labels[key];
    else errors.push(userError(at(['labels', 'remove'], i), 'INVALID_VALUE', `The node has no label ${JSON.stringify(key)} to remove.`));
  });
  rejectIfAny(errors, InvalidOptionsError);
  spec.Labels = labels;
  return spec;
}
