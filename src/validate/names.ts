// Names of networks, services and containers, checked by the rules the engine applies
// (swarmkit's `validateAnnotations` for swarm objects, moby's name patterns for local ones),
// so that a bad name is reported with its field instead of as an engine error.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { q, type FieldPath } from './field.ts';
import { validateReference } from './references.ts';

export { validateLabels } from './labels.ts';

/** Swarm object names must be DNS name components (swarmkit `isValidDNSName`, <= 63). */
const SWARM_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
const SWARM_NAME_MAX = 63;
/** Local (engine-scoped) network names, as moby restricts them. */
const LOCAL_NETWORK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function swarmName(kind: string, name: string, field: FieldPath): UserErrorInit[] {
  if (name === '') return [userError([...field], 'INVALID_VALUE', `A ${kind} name is required.`)];
  if (name.length > SWARM_NAME_MAX) {
    return [userError([...field], 'INVALID_VALUE', `The ${kind} name ${q(name)} is ${name.length} characters long; swarm names may have at most ${SWARM_NAME_MAX}.`)];
  }
  if (!SWARM_NAME.test(name)) {
    return [
      userError(
        [...field],
        'INVALID_VALUE',
        `The ${kind} name ${q(name)} is not valid: use letters, digits, "-" and "_", starting and ending with a letter or digit (swarm names must be DNS name components).`,
      ),
    ];
  }
  return [];
}

/**
 * A network name. `scope: 'swarm'` (overlay networks, created through a manager) applies
 * swarmkit's rule, which is stricter than the local one: no ".", at most 63 characters.
 */
export function validateNetworkName(name: string, field: FieldPath, scope: 'swarm' | 'local' = 'swarm'): UserErrorInit[] {
  if (scope === 'swarm') return swarmName('network', name, field);
  if (name === '') return [userError([...field], 'INVALID_VALUE', 'A network name is required.')];
  if (!LOCAL_NETWORK_NAME.test(name)) {
    return [userError([...field], 'INVALID_VALUE', `The network name ${q(name)} is not valid: use letters, digits, "_", "." and "-", starting with a letter or digit.`)];
  }
  return [];
}

/** A service name (`docker service create --name`), by swarmkit's rule. */
export function validateServiceName(name: string, field: FieldPath): UserErrorInit[] {
  return swarmName('service', name, field);
}

/** A reference to a container: its name (with or without the leading "/") or its ID or an ID prefix (the one reference rule, references.ts). */
export function validateContainerRef(ref: string, field: FieldPath): UserErrorInit[] {
  return validateReference('container', ref, field);
}
