// The compose file as the stack loader hands it on: interpolated, validated against the
// gateway's own schema of what `docker stack deploy` accepts, extension fields (`x-*`) and
// merge keys resolved, every short syntax turned into its long form (ports, volumes,
// secrets, configs, environment, labels) and every duration and size into a number. The
// converter (convert/) reads only this shape, never the raw YAML: the two meet here.
// Paths named in comments are compose keys (docker/cli cli/compose/types).

/** A duration in nanoseconds (Go's time.Duration, as the Engine API wants it). */
export type Nanoseconds = number;

export interface ComposeFile {
  /** `version`, as written (the CLI accepts 3.x; the gateway also accepts a file without one). */
  version: string | null;
  services: Record<string, ComposeService>;
  networks: Record<string, ComposeNetwork>;
  volumes: Record<string, ComposeVolume>;
  secrets: Record<string, ComposeFileObject>;
  configs: Record<string, ComposeFileObject>;
}

export interface ComposeService {
  image: string;
  /** `command`: a string is split as a shell would (docker/cli uses shlex), a list kept. */
  command: string[] | null;
  entrypoint: string[] | null;
  /** `environment`; null for a name given without a value (`- FOO`): the CLI then leaves it out. */
  environment: Record<string, string | null>;
  /** `labels`: the container's labels (ContainerSpec.Labels). */
  labels: Record<string, string>;
  hostname: string | null;
  user: string | null;
  working_dir: string | null;
  stop_signal: string | null;
  stop_grace_period: Nanoseconds | null;
  tty: boolean | null;
  stdin_open: boolean | null;
  read_only: boolean | null;
  init: boolean | null;
  dns: string[];
  dns_search: string[];
  /** `dns_opt`. */
  dns_opt: string[];
  /** `extra_hosts`, as `host:ip` (a map is turned into this form). */
  extra_hosts: string[];
  cap_add: string[];
  cap_drop: string[];
  /** `sysctls`, as a map. */
  sysctls: Record<string, string>;
  /** `ulimits`: a single number is soft = hard. */
  ulimits: Record<string, { soft: number; hard: number }>;
  isolation: string | null;
  /**
   * `restart` (`no`, `always`, `unless-stopped`, `on-failure[:N]`): the CLI warns it is unsupported
   * but still converts it into the restart policy when `deploy.restart_policy` is absent. Absent is none.
   */
  restart?: string | null;
  logging: { driver: string | null; options: Record<string, string> } | null;
  healthcheck: ComposeHealthcheck | null;
  deploy: ComposeDeploy;
  ports: ComposePort[];
  /** `networks`; a service without the key is on the stack's `default` network (the converter decides that). */
  networks: Record<string, ComposeServiceNetwork> | null;
  secrets: ComposeFileReference[];
  configs: ComposeFileReference[];
  volumes: ComposeMount[];
}

export interface ComposeHealthcheck {
  /** `test`: a string becomes `["CMD-SHELL", s]`; `disable: true` becomes `["NONE"]`. */
  test: string[] | null;
  interval: Nanoseconds | null;
  timeout: Nanoseconds | null;
  start_period: Nanoseconds | null;
  start_interval: Nanoseconds | null;
  retries: number | null;
}

export interface ComposeDeploy {
  mode: 'replicated' | 'global' | 'replicated-job' | 'global-job';
  replicas: number | null;
  /** `deploy.labels`: the service's labels (ServiceSpec.Labels). */
  labels: Record<string, string>;
  endpoint_mode: 'vip' | 'dnsrr' | null;
  update_config: ComposeUpdateConfig | null;
  rollback_config: ComposeUpdateConfig | null;
  restart_policy: { condition: 'none' | 'on-failure' | 'any' | null; delay: Nanoseconds | null; max_attempts: number | null; window: Nanoseconds | null } | null;
  resources: { limits: ComposeResources | null; reservations: ComposeResources | null };
  placement: { constraints: string[]; preferences: { spread: string }[]; max_replicas_per_node: number | null };
}

export interface ComposeUpdateConfig {
  parallelism: number | null;
  delay: Nanoseconds | null;
  failure_action: 'pause' | 'continue' | 'rollback' | null;
  monitor: Nanoseconds | null;
  max_failure_ratio: number | null;
  order: 'stop-first' | 'start-first' | null;
}

export interface ComposeResources {
  /** `cpus` as written (`"0.5"`); the converter turns it into NanoCPUs. */
  cpus: string | null;
  /** `memory`, in bytes. */
  memory: number | null;
  pids: number | null;
}

/** A port in its long form (`8080:80/udp` -> published 8080, target 80, protocol udp, mode ingress). */
export interface ComposePort {
  target: number;
  published: number | null;
  protocol: 'tcp' | 'udp' | 'sctp';
  mode: 'ingress' | 'host';
}

export interface ComposeServiceNetwork {
  aliases: string[];
  /** `ipv4_address`/`ipv6_address`: docker/cli's converter does not send them (nor does the gateway's). */
  ipv4_address: string | null;
  ipv6_address: string | null;
  /** `driver_opts` of the attachment (schema 3.13), sent as the attachment's DriverOpts; absent is none. */
  driver_opts?: Record<string, string>;
}

/** A service's secret or config reference in its long form (a bare name is `{source: name}`). */
export interface ComposeFileReference {
  source: string;
  /** Defaults (the converter applies them): the source name; for a secret under /run/secrets/. */
  target: string | null;
  uid: string | null;
  gid: string | null;
  /** `mode`, as a number (YAML's 0440 octal is read as octal). */
  mode: number | null;
}

/** A service volume in its long form (`data:/var/lib/x:ro` -> volume, source data, target, read only). */
export interface ComposeMount {
  type: 'volume' | 'bind' | 'tmpfs';
  /** A volume's name (a key of `volumes`, or absent for an anonymous one), or a bind's absolute host path. */
  source: string | null;
  target: string;
  read_only: boolean;
  volume: { nocopy: boolean } | null;
  bind: { propagation: string | null } | null;
  tmpfs: { size: number | null } | null;
}

export interface ComposeNetwork {
  /** `name`: the engine name as written; without it the converter namespaces the key. */
  name: string | null;
  driver: string | null;
  driver_opts: Record<string, string>;
  ipam: { driver: string | null; config: { subnet: string }[] } | null;
  /** `external` (`external: {name}` is folded into `name`). */
  external: boolean;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
}

export interface ComposeVolume {
  name: string | null;
  driver: string | null;
  driver_opts: Record<string, string>;
  external: boolean;
  labels: Record<string, string>;
}

/**
 * A top-level secret or config. `file:` is refused by the loader (the gateway does not read
 * its disk for callers); the data of one the stack creates comes from `content` (configs,
 * as in the compose specification) or from `environment`, the name of one of stackDeploy's
 * variables (secrets and configs, as `docker compose` reads the named environment variable).
 */
export interface ComposeFileObject {
  name: string | null;
  external: boolean;
  labels: Record<string, string>;
  driver: string | null;
  driver_opts: Record<string, string>;
  template_driver: string | null;
  /** The data, resolved by the loader from `content` or `environment`; null for an external one. */
  data: string | null;
  /** Where `data` came from, for messages and audit redaction. */
  dataFrom: { content: true } | { variable: string } | null;
}

/** Something the loader accepted but will not act on, as the CLI warns ("Ignoring unsupported options: build"). */
export interface ComposeWarning {
  /** The compose path (`['services', 'web', 'build']`). */
  path: string[];
  message: string;
}
