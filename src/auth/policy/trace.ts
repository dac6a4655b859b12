// Which input field put a spec field there: refusals name the field the caller wrote
// (`input.mounts.1.source`), not the Engine's. A field no input field explains came from
// the service as the engine holds it (an update, scale or rollback): then the refusal names
// the service (`input.id`) and the spec field. The traces read the engine options the spec was
// built from, whose fields are the mutation input's under the same names.
import type { ServiceCreateOptions } from '../../docker/mapping/service-spec.ts';
import type { ServiceUpdateOptions } from '../../docker/mapping/service-update.ts';
import { normalizeCapability } from '../../docker/mapping/service-mounts.ts';
import { POLICY_BY_PATH } from './policy-table.ts';
import { specPattern, type SpecPath } from './rules.ts';

/** The input field for a spec path and its value, or null (the spec field is the stored service's). */
export type Trace = (path: SpecPath, value: unknown) => string[] | null;

const str = (n: number) => String(n);

function traceNetwork(refs: readonly { target: string }[], networkIds: ReadonlyMap<string, string>, list: string, value: unknown): string[] | null {
  const j = refs.findIndex((n) => (networkIds.get(n.target) ?? n.target) === value);
  return j < 0 ? null : ['input', list, str(j), 'target'];
}

/** The value at a spec path. */
export function valueAt(root: unknown, path: SpecPath): unknown {
  return path.reduce<any>((v, k) => (v == null ? undefined : v[k]), root);
}

/** A serviceCreate: every spec field comes from the input, or from the gateway itself (defaults, the worker constraint). */
export function traceCreateInput(input: ServiceCreateOptions, networkIds: ReadonlyMap<string, string>): Trace {
  return (path, value) => {
    const [a, b, c, d, ...rest] = path;
    if (a === 'TaskTemplate' && b === 'ContainerSpec' && c === 'Mounts' && typeof d === 'number') {
      const base = ['input', 'mounts', str(d)];
      if (rest[0] === 'Source') return [...base, 'source'];
      if (rest[0] === 'Type') return [...base, 'type'];
      if (rest[0] === 'VolumeOptions' && rest[1] === 'DriverConfig' && rest[2] === 'Name') return [...base, 'volumeDriver'];
      if (rest[0] === 'VolumeOptions' && rest[1] === 'DriverConfig' && rest[2] === 'Options' && typeof rest[3] === 'string') {
        const options = input.mounts?.[d]?.volumeOptions ?? [];
        const j = options.map((o) => o.key).lastIndexOf(rest[3]);
        return j < 0 ? base : [...base, 'volumeOptions', str(j), 'value'];
      }
      return base;
    }
    if (a === 'TaskTemplate' && b === 'ContainerSpec' && c === 'CapabilityAdd' && typeof d === 'number') {
      const j = (input.capabilityAdd ?? []).findIndex((name) => normalizeCapability(name) === value);
      return j < 0 ? ['input', 'capabilityAdd'] : ['input', 'capabilityAdd', str(j)];
    }
    if (a === 'TaskTemplate' && b === 'Networks' && typeof c === 'number') return traceNetwork(input.networks ?? [], networkIds, 'networks', value) ?? ['input', 'networks'];
    if (a === 'TaskTemplate' && b === 'Placement' && c === 'Constraints') {
      return typeof d === 'number' && d < (input.constraints?.length ?? 0) ? ['input', 'constraints', str(d)] : ['input', 'constraints'];
    }
    // The deepest row that names an input field.
    for (let n = path.length; n > 0; n--) {
      const first = POLICY_BY_PATH.get(specPattern(path.slice(0, n)))?.create?.[0];
      if (first) return ['input', first];
    }
    return ['input'];
  };
}

/** A serviceUpdate: only what the input adds is the caller's; the rest is the service's current spec. */
export function traceUpdateInput(input: ServiceUpdateOptions, networkIds: ReadonlyMap<string, string>): Trace {
  return (path, value) => {
    const [a, b, c] = path;
    if (a === 'TaskTemplate' && b === 'Networks' && typeof c === 'number') return traceNetwork(input.networkAdd ?? [], networkIds, 'networkAdd', value);
    if (a === 'TaskTemplate' && b === 'ContainerSpec' && c === 'Image' && input.image != null) return ['input', 'image'];
    return null;
  };
}

/** A spec the engine holds (scale, rollback): nothing in it is the caller's input. */
export const traceStoredSpec: Trace = () => null;

/**
 * A service of a compose file (stackDeploy): every spec field comes from the file's service
 * `key`, so a refusal names that service in the file (`input.compose.services.web`), down to
 * the compose key where a spec field has one plainly (networks, volumes, placement, cap_add).
 */
export function traceStackService(key: string): Trace {
  const base = ['input', 'compose', 'services', key];
  return (path) => {
    const [a, b, c, d] = path;
    if (a === 'TaskTemplate' && b === 'Networks') return [...base, 'networks'];
    if (a === 'TaskTemplate' && b === 'ContainerSpec' && c === 'Mounts') return typeof d === 'number' ? [...base, 'volumes', str(d)] : [...base, 'volumes'];
    if (a === 'TaskTemplate' && b === 'ContainerSpec' && c === 'CapabilityAdd') return [...base, 'cap_add'];
    if (a === 'TaskTemplate' && b === 'Placement' && c === 'Constraints') return [...base, 'deploy', 'placement', 'constraints'];
    return base;
  };
}
