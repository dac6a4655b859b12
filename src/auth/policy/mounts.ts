// The limited mount fields (ContainerSpec.Mounts[]): which types, which host paths, which
// volume drivers and driver options. An allow-list: the local driver's options are refused
// unless the configuration allows that key with a value matching its pattern, because the
// local driver passes them to mount(2) (`type=proc`, `type=sysfs`, `type=overlay,o=lowerdir=/`
// all reach the host). The Docker socket is refused wherever it appears, whatever is allowed.
import type { GuardrailSettings } from '../../config/access-config.ts';
import { dockerSocketExposure, isUnderPrefix, namesDockerSocket } from './host-paths.ts';
import type { PolicyContext } from './facts.ts';
import { finding, type Finding, type SpecPath } from './rules.ts';

const MOUNT_TYPES = ['bind', 'volume', 'tmpfs'];
const PROPAGATIONS = ['private', 'rprivate', 'slave', 'rslave'];
const SOCKET_REMEDY = 'Nobody but an unscoped admin may give a service the Docker socket.';
const LOCAL = 'local';

type Json = Record<string, unknown>;

function bindRemedy(settings: GuardrailSettings): string {
  return settings.allowedBindPrefixes.length > 0
    ? `Use a volume, or a host path under ${settings.allowedBindPrefixes.join(', ')}.`
    : 'Use a volume instead; only an unscoped admin may mount host paths.';
}

function hostPathFinding(path: SpecPath, hostPath: string, what: string, settings: GuardrailSettings): Finding | null {
  const exposure = dockerSocketExposure(hostPath);
  if (exposure) return finding(path, 'no-docker-socket', `the ${what} ${exposure}`, SOCKET_REMEDY);
  if (!hostPath.startsWith('/') || !settings.allowedBindPrefixes.some((prefix) => isUnderPrefix(hostPath, prefix))) {
    return finding(path, 'no-host-bind-mounts', `the ${what} ${JSON.stringify(hostPath)} is a host path outside the allowed prefixes`, bindRemedy(settings));
  }
  return null;
}

/** Mounts[].Type: bind, volume or tmpfs. */
export function checkMountType(value: unknown, path: SpecPath): Finding[] {
  return MOUNT_TYPES.includes(String(value))
    ? []
    : [finding(path, 'allowed-mount-types', `the mount type ${JSON.stringify(value)} is not allowed`, 'Use a volume, a tmpfs, or a bind mount under an allowed prefix.')];
}

/** Mounts[].Source: a bind source under an allowed prefix; a volume name that is not the socket. */
export function checkMountSource(value: unknown, path: SpecPath, mount: Json, { settings }: PolicyContext): Finding[] {
  const source = String(value);
  if (mount.Type === 'bind') {
    const f = hostPathFinding(path, source, 'bind source', settings);
    return f ? [f] : [];
  }
  if (namesDockerSocket(source)) return [finding(path, 'no-docker-socket', `the volume ${JSON.stringify(source)} names the Docker socket`, SOCKET_REMEDY)];
  return [];
}

/** Mounts[].BindOptions.Propagation: nothing that propagates mounts back to the host. */
export function checkPropagation(value: unknown, path: SpecPath): Finding[] {
  return PROPAGATIONS.includes(String(value))
    ? []
    : [finding(path, 'no-mount-propagation', `the bind propagation ${JSON.stringify(value)} is not allowed`, 'Leave propagation out (rprivate).')];
}

/** Mounts[].VolumeOptions.DriverConfig.Name: the local driver or an allowed one. */
export function checkVolumeDriver(value: unknown, path: SpecPath, _config: Json, { settings }: PolicyContext): Finding[] {
  const driver = String(value);
  if (driver === LOCAL || settings.allowedVolumeDrivers.includes(driver)) return [];
  const others = settings.allowedVolumeDrivers.length > 0 ? `, ${settings.allowedVolumeDrivers.join(', ')}` : '';
  return [finding(path, 'allowed-volume-drivers', `the volume driver ${JSON.stringify(driver)} is not allowed`, `Use the volume drivers ${LOCAL}${others}.`)];
}

/** Whether the local driver's options make the volume a mount of a host path (`o=bind`, or a `device` path). */
function boundDevice(options: Record<string, string>): string | null {
  const device = options.device;
  if (device === undefined) return null;
  const mountOptions = (options.o ?? '').split(',').map((x) => x.trim().toLowerCase());
  const binds = mountOptions.includes('bind') || mountOptions.includes('rbind');
  // An absolute device names something on the host; `//server/share` (cifs) is remote.
  return binds || (device.startsWith('/') && !device.startsWith('//')) ? device : null;
}

function optionAllowed(settings: GuardrailSettings, driver: string, key: string, value: string): boolean {
  return settings.allowedVolumeOptions.some((rule) => rule.driver === driver && rule.key === key && new RegExp(`^(?:${rule.pattern})$`).test(value));
}

/** Mounts[].VolumeOptions.DriverConfig.Options: each option allowed by the configuration; never the socket; a bound device under an allowed prefix. */
export function checkVolumeOptions(value: unknown, path: SpecPath, config: Json, { settings }: PolicyContext): Finding[] {
  const options = Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]));
  const driver = typeof config.Name === 'string' && config.Name !== '' ? config.Name : LOCAL;
  const device = driver === LOCAL ? boundDevice(options) : null;
  const findings: Finding[] = [];
  for (const [key, option] of Object.entries(options)) {
    const at = [...path, key];
    const text = `${key}=${option}`;
    if (namesDockerSocket(text)) {
      findings.push(finding(at, 'no-docker-socket', `the volume option ${JSON.stringify(text)} names the Docker socket`, SOCKET_REMEDY));
    } else if (!optionAllowed(settings, driver, key, option)) {
      findings.push(finding(at, 'allowed-volume-options', `the ${driver} volume option ${JSON.stringify(text)} is not allowed`, 'Use a plain named volume; volume driver options need an unscoped admin, or guardrails.allowedVolumeOptions.'));
    } else if (key === 'device' && device !== null) {
      const f = hostPathFinding(at, device, 'volume device', settings);
      if (f) findings.push(f);
    }
  }
  return findings;
}
