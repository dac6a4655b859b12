// Rules no-host-bind-mounts and no-docker-socket. A bind mount's source, and the `device`
// of a volume whose driver options bind a host path (the local driver's
// `type=none,o=bind,device=/path`), must be under an allowed prefix; the Docker socket is
// refused wherever it appears in a mount, even under an allowed prefix.
import type { GuardrailSettings } from '../../config/access-config.ts';
import { dockerSocketExposure, isUnderPrefix, namesDockerSocket } from './host-paths.ts';
import type { GuardedMount } from './spec-view.ts';
import { finding, type Finding } from './violation.ts';

const SOCKET_REMEDY = 'Nobody but an admin may give a service the Docker socket.';

function bindRemedy(settings: GuardrailSettings): string {
  return settings.allowedBindPrefixes.length > 0
    ? `Use a volume, or a host path under ${settings.allowedBindPrefixes.join(', ')}.`
    : 'Use a volume instead; only an admin may mount host paths.';
}

/** A host path given as a bind source or a bound volume's device. */
function hostPathFinding(path: string, field: readonly string[], what: string, settings: GuardrailSettings): Finding | null {
  const exposure = dockerSocketExposure(path);
  if (exposure) return finding(field, 'no-docker-socket', `the ${what} ${exposure}`, SOCKET_REMEDY);
  if (!path.startsWith('/') || !settings.allowedBindPrefixes.some((prefix) => isUnderPrefix(path, prefix))) {
    return finding(field, 'no-host-bind-mounts', `the ${what} ${JSON.stringify(path)} is a host path outside the allowed prefixes`, bindRemedy(settings));
  }
  return null;
}

/** Whether volume driver options make the volume a bind of a host path (`o=bind`, or a local device path). */
function boundDevice(options: GuardedMount['options']): { index: number; path: string } | null {
  const index = options.findIndex((o) => o.key.toLowerCase() === 'device');
  if (index < 0) return null;
  const device = options[index]!.value;
  const mountOptions = options.filter((o) => o.key.toLowerCase() === 'o').flatMap((o) => o.value.split(',').map((x) => x.trim().toLowerCase()));
  const binds = mountOptions.includes('bind') || mountOptions.includes('rbind');
  // A device that is an absolute path names something on the host (a directory, a disk);
  // `//server/share` (cifs) and `server:/path` (nfs) are remote.
  const hostDevice = device.startsWith('/') && !device.startsWith('//');
  return binds || hostDevice ? { index, path: device } : null;
}

export function checkMounts(mounts: readonly GuardedMount[], fromInput: boolean, settings: GuardrailSettings): Finding[] {
  const findings: Finding[] = [];
  const at = (m: GuardedMount, ...rest: string[]) => (fromInput ? [...m.field, ...rest] : m.field);
  for (const m of mounts) {
    if (m.type === 'BIND') {
      const f = hostPathFinding(m.source ?? '', at(m, 'source'), 'bind source', settings);
      if (f) findings.push(f);
      continue;
    }
    if (m.type !== 'VOLUME') continue;
    if (m.source !== null && namesDockerSocket(m.source)) findings.push(finding(at(m, 'source'), 'no-docker-socket', `the volume ${JSON.stringify(m.source)} names the Docker socket`, SOCKET_REMEDY));
    const device = boundDevice(m.options);
    m.options.forEach((o, j) => {
      const field = at(m, 'volumeOptions', String(j), 'value');
      if (device?.index === j) {
        const f = hostPathFinding(device.path, field, 'volume device', settings);
        if (f) findings.push(f);
      } else if (namesDockerSocket(`${o.key}=${o.value}`)) {
        findings.push(finding(field, 'no-docker-socket', `the volume option ${JSON.stringify(`${o.key}=${o.value}`)} names the Docker socket`, SOCKET_REMEDY));
      }
    });
  }
  return findings;
}
