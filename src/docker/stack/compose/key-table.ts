// What the loader does with the compose keys that `docker stack deploy` does not simply
// apply: one table, so the loader, its tests and the README say the same thing. The CLI's
// own three lists (docker/cli cli/compose/types: ForbiddenProperties, UnsupportedProperties,
// DeprecatedProperties) are rows here with the CLI's treatment and advice; the other rows
// are the gateway's own decisions (keys naming files on the caller's disk, keys the
// gateway does not model yet, and its refusal of inline secret data).
import type { UserErrorCode } from '../../../errors/codes.ts';

export type KeyTreatment =
  /** The CLI refuses the file ("compose file contains unsupported options"): UNSUPPORTED_KEY. */
  | 'forbidden'
  /** The CLI ignores the key and warns "Ignoring unsupported options: ...". */
  | 'unsupported'
  /** The CLI ignores the key and warns "Ignoring deprecated options: ...". */
  | 'deprecated'
  /** The CLI ignores the key silently; the gateway says so in a warning. */
  | 'ignored'
  /** The gateway refuses the key (its code says why). */
  | 'refused';

export interface KeyRule {
  /** The compose path pattern; `*` is any name (`services.*.build`). */
  path: string;
  treatment: KeyTreatment;
  /** For 'forbidden' and 'refused': the code of the problem. */
  code: UserErrorCode | null;
  /** The advice shown with it (the CLI's wording for its own lists, in the gateway's words otherwise). */
  advice: string;
}

const NO_DISK = 'the gateway does not read its own disk for callers';
const RESOURCES = 'Set resource limits using deploy.resources.';
const forbidden = (key: string, advice: string): KeyRule => ({ path: `services.*.${key}`, treatment: 'forbidden', code: 'UNSUPPORTED_KEY', advice });
const unsupported = (key: string): KeyRule => ({ path: `services.*.${key}`, treatment: 'unsupported', code: null, advice: 'Ignored by docker stack deploy.' });

export const KEY_TABLE: readonly KeyRule[] = [
  forbidden('extends', 'Support for `extends` is not implemented: write the service out, or share keys with a YAML anchor and merge key (`<<: *common`).'),
  forbidden('volume_driver', 'Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there.'),
  forbidden('volumes_from', 'To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.'),
  forbidden('cpu_quota', RESOURCES),
  forbidden('cpu_shares', RESOURCES),
  forbidden('cpuset', RESOURCES),
  forbidden('mem_limit', RESOURCES),
  forbidden('memswap_limit', RESOURCES),
  ...['build', 'cgroupns_mode', 'cgroup_parent', 'devices', 'domainname', 'external_links', 'ipc', 'links', 'mac_address', 'network_mode', 'pid', 'privileged', 'restart', 'security_opt', 'shm_size', 'userns_mode'].map(unsupported),
  { path: 'services.*.container_name', treatment: 'deprecated', code: null, advice: 'Setting the container name is not supported.' },
  { path: 'services.*.expose', treatment: 'deprecated', code: null, advice: "Exposing ports is unnecessary - services on the same network can access each other's containers on any port." },
  { path: 'services.*.depends_on', treatment: 'ignored', code: null, advice: 'A swarm starts the services of a stack independently, in no order.' },
  { path: 'services.*.tmpfs', treatment: 'ignored', code: null, advice: 'docker stack deploy does not apply it: use a `volumes` entry of `type: tmpfs`.' },
  { path: 'services.*.env_file', treatment: 'refused', code: 'FILE_REFERENCE', advice: `An env_file is read from the caller's disk and ${NO_DISK}: put the variables in \`environment\` (with \${VAR} from stackDeploy's variables).` },
  { path: 'services.*.credential_spec', treatment: 'refused', code: 'UNSUPPORTED_KEY', advice: 'Credential specs (Windows gMSA) are not supported by the gateway yet.' },
  { path: 'services.*.credential_spec.file', treatment: 'refused', code: 'FILE_REFERENCE', advice: `A credential spec file is read from the caller's disk and ${NO_DISK}.` },
  { path: 'services.*.oom_score_adj', treatment: 'refused', code: 'UNSUPPORTED_KEY', advice: 'oom_score_adj is not supported by the gateway yet.' },
  { path: 'services.*.deploy.resources.reservations.generic_resources', treatment: 'refused', code: 'UNSUPPORTED_KEY', advice: 'Generic resources are not supported by the gateway yet.' },
  { path: 'services.*.networks.*.driver_opts', treatment: 'refused', code: 'UNSUPPORTED_KEY', advice: 'Per-service network driver options are not supported by the gateway yet.' },
  { path: 'volumes.*.x-cluster-spec', treatment: 'refused', code: 'UNSUPPORTED_KEY', advice: 'Cluster (CSI) volumes are not supported by the gateway yet.' },
  { path: 'secrets.*.file', treatment: 'refused', code: 'FILE_REFERENCE', advice: `A secret's file is read from the caller's disk and ${NO_DISK}: give its data in a stackDeploy variable and name it with \`environment: VARNAME\`.` },
  { path: 'configs.*.file', treatment: 'refused', code: 'FILE_REFERENCE', advice: `A config's file is read from the caller's disk and ${NO_DISK}: give its data inline with \`content:\`, or in a stackDeploy variable named with \`environment: VARNAME\`.` },
  { path: 'secrets.*.content', treatment: 'refused', code: 'UNSUPPORTED_KEY', advice: "A secret's data written into the compose file would be kept in the audit log with it: give it in a stackDeploy variable and name it with `environment: VARNAME`." },
];
