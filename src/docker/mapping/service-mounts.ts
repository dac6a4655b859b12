// The mounts and capabilities of a service (`--mount`, `--cap-add`, `--cap-drop`), as the
// 20.10 CLI puts them in ContainerSpec (opts/mount.go, opts/capabilities.go):
// - a mount is {Type, Source, Target, ReadOnly} with `omitempty` fields, in the order given;
//   VolumeOptions.DriverConfig {Name, Options} only when a volume driver or option is given
//   (options sorted by key, as Go writes a map);
// - capabilities are upper-cased and get a `CAP_` prefix (`ALL` stays `ALL`), duplicates go,
//   both lists are sorted, one that is added is not dropped, and `ALL` replaces the others
//   of its list.
// What the engine or swarmkit would refuse later (a relative target, a tmpfs with a source,
// two mounts on one target) is refused here, at the input field.
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { at, validateDriverOptions, type FieldPath, type KeyValueLike } from '../../validate/index.ts';
import { q } from '../../validate/field.ts';
import { compareText, toStringMap } from './common.ts';
import type { Mount as MountBody } from '../engine-api/index.ts';

/** One `--mount` (type, source, target, readonly, volume-driver, volume-opt). */
export interface MountOptions {
  type: 'BIND' | 'VOLUME' | 'TMPFS';
  source?: string | null | undefined;
  target: string;
  readOnly?: boolean | null | undefined;
  volumeDriver?: string | null | undefined;
  volumeOptions?: readonly KeyValueLike[] | null | undefined;
}

/** The local driver's volume names (daemon/names.go RestrictedNamePattern). */
const LOCAL_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const CAPABILITY = /^CAP_[A-Z0-9_]+$/;
export const ALL_CAPABILITIES = 'ALL';

function isLocalDriver(driver: string | null | undefined): boolean {
  return driver == null || driver === '' || driver === 'local';
}

function mountErrors(m: MountOptions, field: string[]): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  const source = m.source ?? '';
  if (m.target === '' || !m.target.startsWith('/')) {
    errors.push(userError(at(field, 'target'), 'INVALID_VALUE', `The mount target ${q(m.target)} is not an absolute path; give the path inside the container, starting with "/".`));
  } else if (m.target.replace(/\/+$/, '') === '') {
    errors.push(userError(at(field, 'target'), 'INVALID_VALUE', 'A mount target cannot be "/", the container\'s root.'));
  }
  const hasVolumeOptions = (m.volumeDriver != null && m.volumeDriver !== '') || (m.volumeOptions?.length ?? 0) > 0;
  if (m.type !== 'VOLUME' && hasVolumeOptions) {
    const where = m.volumeDriver ? 'volumeDriver' : 'volumeOptions';
    errors.push(userError(at(field, where), 'INVALID_VALUE', `A volume driver and its options only apply to VOLUME mounts, not ${m.type}.`));
  }
  switch (m.type) {
    case 'BIND':
      if (source === '') errors.push(userError(at(field, 'source'), 'INVALID_VALUE', 'A BIND mount needs a source: the absolute host path to mount.'));
      else if (!source.startsWith('/')) {
        errors.push(userError(at(field, 'source'), 'INVALID_VALUE', `The bind source ${q(source)} is not an absolute path; give a host path starting with "/".`));
      }
      break;
    case 'VOLUME':
      if (source === '' && m.readOnly) {
        errors.push(userError(at(field, 'readOnly'), 'INVALID_VALUE', 'An anonymous volume (no source) cannot be read-only; it would start empty and stay so.'));
      }
      if (source !== '' && isLocalDriver(m.volumeDriver) && !LOCAL_VOLUME_NAME.test(source)) {
        const hint = source.startsWith('/') ? ' For a host path, use type BIND.' : '';
        errors.push(userError(at(field, 'source'), 'INVALID_VALUE', `The volume name ${q(source)} is not valid for the local driver: use letters, digits, "_", "." and "-", starting with a letter or digit.${hint}`));
      }
      if (m.volumeDriver != null && /\s/.test(m.volumeDriver)) {
        errors.push(userError(at(field, 'volumeDriver'), 'INVALID_VALUE', `The volume driver ${q(m.volumeDriver)} is not valid; a driver name has no blanks.`));
      }
      errors.push(...validateDriverOptions(m.volumeOptions ?? [], at(field, 'volumeOptions')));
      break;
    case 'TMPFS':
      if (source !== '') errors.push(userError(at(field, 'source'), 'INVALID_VALUE', 'A TMPFS mount has no source; leave it out.'));
      break;
  }
  return errors;
}

/** The mounts of a service input: each valid, no target twice (swarmkit refuses duplicate mount points). */
export function validateMounts(mounts: readonly MountOptions[], field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  const targets = new Map<string, number>();
  mounts.forEach((m, i) => {
    errors.push(...mountErrors(m, at(field, i)));
    const target = m.target.replace(/(.)\/+$/, '$1');
    const first = targets.get(target);
    if (first === undefined) targets.set(target, i);
    else errors.push(userError(at(field, i, 'target'), 'INVALID_VALUE', `The target ${q(m.target)} is already mounted by item ${first}; mount each target once.`));
  });
  return errors;
}

/** One mount in the Engine's shape, as the CLI builds it. */
export function toMountBody(m: MountOptions): MountBody {
  const type = m.type === 'BIND' ? 'bind' : m.type === 'VOLUME' ? 'volume' : 'tmpfs';
  // Go writes map keys sorted; so do we, so the body is the CLI's byte for byte.
  const options = toStringMap([...(m.volumeOptions ?? [])].sort((a, b) => compareText(a.key, b.key)));
  const driver = m.volumeDriver ?? '';
  const hasDriverConfig = driver !== '' || Object.keys(options).length > 0;
  return {
    Type: type,
    ...(m.source ? { Source: m.source } : {}),
    Target: m.target,
    ...(m.readOnly ? { ReadOnly: true } : {}),
    ...(m.type === 'VOLUME' && hasDriverConfig
      ? { VolumeOptions: { DriverConfig: { ...(driver !== '' ? { Name: driver } : {}), ...(Object.keys(options).length > 0 ? { Options: options } : {}) } } }
      : {}),
  };
}

/** `net_admin`, ` NET_ADMIN ` and `CAP_NET_ADMIN` are all `CAP_NET_ADMIN`; `all` is `ALL` (opts.NormalizeCapability). */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  if (upper === ALL_CAPABILITIES) return upper;
  return upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}

/** Capability names: letters, digits and "_" (with or without `CAP_`), or `ALL`. */
export function validateCapabilities(names: readonly string[], field: FieldPath): UserErrorInit[] {
  return names.flatMap((name, i) => {
    const normal = normalizeCapability(name);
    if (normal === ALL_CAPABILITIES || CAPABILITY.test(normal)) return [];
    return [userError(at(field, i), 'INVALID_VALUE', `${q(name)} is not a capability name; use a name such as NET_ADMIN or CAP_NET_ADMIN, or ALL.`)];
  });
}

/** The CLI's EffectiveCapAddCapDrop: normalized, deduplicated, sorted; an added capability is not dropped. */
export function effectiveCapabilities(add: readonly string[], drop: readonly string[]): { add: string[]; drop: string[] } {
  const sorted = (names: Set<string>) => [...names].sort(compareText);
  let addSet = new Set(add.map(normalizeCapability));
  let dropSet = new Set(drop.map(normalizeCapability));
  if (addSet.has(ALL_CAPABILITIES)) addSet = new Set([ALL_CAPABILITIES]);
  if (dropSet.has(ALL_CAPABILITIES)) dropSet = new Set([ALL_CAPABILITIES]);
  for (const c of addSet) dropSet.delete(c);
  return { add: sorted(addSet), drop: sorted(dropSet) };
}
