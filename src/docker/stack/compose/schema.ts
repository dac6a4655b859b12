// The gateway's own JSON schema of the compose format `docker stack deploy` accepts (the
// v3.x keys of docker/cli's config_schema_v3.13, written here for the gateway), plus its
// two extensions for the data of secrets and configs (`content`, `environment`). It judges
// shapes and types only; meanings (a port's syntax, a duration's grammar, a relative bind
// source) are judged while normalizing, where the message can say what is wrong. Keys the
// CLI refuses outright (key-table.ts, "forbidden") are checked before this schema, so they
// get their own advice instead of "unknown key". Everything accepts `x-*` extension fields
// where the CLI does; the loader drops them.
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const int = { type: 'integer' } as const;
const duration = { type: 'string', format: 'duration' } as const;
const anything = {} as const;
const extensions = { '^x-': {} } as const;

const listOfStrings = { type: 'array', items: str, uniqueItems: true } as const;
const stringOrList = { oneOf: [str, listOfStrings] } as const;
const listOrDict = {
  oneOf: [
    { type: 'object', patternProperties: { '.+': { type: ['string', 'number', 'boolean', 'null'] } }, additionalProperties: false },
    { type: 'array', items: str, uniqueItems: true },
  ],
} as const;
const options = { type: 'object', patternProperties: { '^.+$': { type: ['string', 'number'] } }, additionalProperties: false } as const;
const external = { type: ['boolean', 'object'], properties: { name: str }, additionalProperties: false } as const;

const updateConfig = {
  type: 'object',
  properties: {
    parallelism: int,
    delay: duration,
    failure_action: { type: 'string', enum: ['pause', 'continue', 'rollback'] },
    monitor: duration,
    max_failure_ratio: { type: 'number' },
    order: { type: 'string', enum: ['start-first', 'stop-first'] },
  },
  additionalProperties: false,
} as const;

const resources = (extra: Record<string, unknown>) => ({
  type: 'object',
  properties: { cpus: { type: ['string', 'number'] }, memory: { type: ['string', 'integer'] }, ...extra },
  additionalProperties: false,
});

const deploy = {
  type: ['object', 'null'],
  properties: {
    mode: { type: 'string', enum: ['replicated', 'global', 'replicated-job', 'global-job'] },
    // Any case, as the CLI lowercases it; the value is checked by the normalizer.
    endpoint_mode: { type: 'string' },
    replicas: { type: 'integer', minimum: 0 },
    labels: listOrDict,
    update_config: updateConfig,
    rollback_config: updateConfig,
    resources: {
      type: 'object',
      properties: { limits: resources({ pids: { type: 'integer', minimum: 0 } }), reservations: resources({ generic_resources: { type: 'array' } }) },
      additionalProperties: false,
    },
    restart_policy: {
      type: 'object',
      properties: { condition: { type: 'string', enum: ['none', 'on-failure', 'any'] }, delay: duration, max_attempts: { type: 'integer', minimum: 0 }, window: duration },
      additionalProperties: false,
    },
    placement: {
      type: 'object',
      properties: {
        constraints: { type: 'array', items: str },
        preferences: { type: 'array', items: { type: 'object', properties: { spread: str }, required: ['spread'], additionalProperties: false } },
        max_replicas_per_node: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const healthcheck = {
  type: 'object',
  properties: {
    disable: bool,
    interval: duration,
    retries: { type: 'integer', minimum: 0 },
    test: { oneOf: [str, { type: 'array', items: str }] },
    timeout: duration,
    start_period: duration,
    start_interval: duration,
  },
  additionalProperties: false,
} as const;

const fileReference = {
  type: 'array',
  items: {
    oneOf: [str, { type: 'object', properties: { source: str, target: str, uid: str, gid: str, mode: { type: 'integer', minimum: 0, maximum: 0o7777 } }, required: ['source'], additionalProperties: false }],
  },
} as const;

const ports = {
  type: 'array',
  items: {
    oneOf: [
      { type: 'integer' },
      str,
      {
        type: 'object',
        properties: { mode: { type: 'string', enum: ['ingress', 'host'] }, target: int, published: int, protocol: { type: 'string', enum: ['tcp', 'udp', 'sctp'] } },
        required: ['target'],
        additionalProperties: false,
      },
    ],
  },
  uniqueItems: true,
} as const;

const serviceVolumes = {
  type: 'array',
  items: {
    oneOf: [
      str,
      {
        type: 'object',
        required: ['type', 'target'],
        properties: {
          type: { type: 'string', enum: ['volume', 'bind', 'tmpfs'] },
          source: str,
          target: str,
          read_only: bool,
          consistency: str,
          bind: { type: 'object', properties: { propagation: str }, additionalProperties: false },
          volume: { type: 'object', properties: { nocopy: bool }, additionalProperties: false },
          tmpfs: { type: 'object', properties: { size: { type: ['integer', 'string'], minimum: 0 } }, additionalProperties: false },
        },
        additionalProperties: false,
      },
    ],
  },
  uniqueItems: true,
} as const;

const serviceNetworks = {
  oneOf: [
    listOfStrings,
    {
      type: 'object',
      patternProperties: {
        '^[a-zA-Z0-9._-]+$': {
          oneOf: [
            { type: 'object', properties: { aliases: listOfStrings, driver_opts: options, ipv4_address: str, ipv6_address: str }, additionalProperties: false },
            { type: 'null' },
          ],
        },
      },
      additionalProperties: false,
    },
  ],
} as const;

const service = {
  type: 'object',
  required: ['image'],
  properties: {
    deploy,
    // Keys the CLI ignores (with a warning) or the gateway refuses later take any value:
    // their shape does not matter once they are ignored or refused.
    build: anything, cgroupns_mode: anything, cgroup_parent: anything, container_name: anything, credential_spec: anything,
    depends_on: anything, devices: anything, domainname: anything, env_file: anything, expose: anything, external_links: anything,
    ipc: anything, links: anything, mac_address: anything, network_mode: anything, oom_score_adj: anything, pid: anything,
    privileged: anything, restart: anything, security_opt: anything, shm_size: anything, tmpfs: anything, userns_mode: anything,
    cap_add: listOfStrings,
    cap_drop: listOfStrings,
    command: { oneOf: [str, { type: 'array', items: str }] },
    configs: fileReference,
    dns: stringOrList,
    dns_search: stringOrList,
    dns_opt: listOfStrings,
    entrypoint: { oneOf: [str, { type: 'array', items: str }] },
    environment: listOrDict,
    extra_hosts: listOrDict,
    healthcheck,
    hostname: str,
    image: { type: 'string', minLength: 1 },
    init: bool,
    isolation: str,
    labels: listOrDict,
    logging: {
      type: 'object',
      properties: { driver: str, options: { type: 'object', patternProperties: { '^.+$': { type: ['string', 'number', 'null'] } } } },
      additionalProperties: false,
    },
    networks: serviceNetworks,
    ports,
    read_only: bool,
    secrets: fileReference,
    sysctls: listOrDict,
    stdin_open: bool,
    stop_grace_period: duration,
    stop_signal: str,
    tty: bool,
    ulimits: {
      type: 'object',
      patternProperties: {
        '^[a-z]+$': { oneOf: [int, { type: 'object', properties: { hard: int, soft: int }, required: ['soft', 'hard'], additionalProperties: false }] },
      },
      additionalProperties: false,
    },
    user: str,
    volumes: serviceVolumes,
    working_dir: str,
  },
  patternProperties: extensions,
  additionalProperties: false,
} as const;

const network = {
  type: ['object', 'null'],
  properties: {
    name: str,
    driver: str,
    driver_opts: options,
    ipam: {
      type: 'object',
      properties: { driver: str, config: { type: 'array', items: { type: 'object', properties: { subnet: str }, required: ['subnet'], additionalProperties: false } } },
      additionalProperties: false,
    },
    external,
    internal: bool,
    attachable: bool,
    labels: listOrDict,
  },
  patternProperties: extensions,
  additionalProperties: false,
} as const;

const volume = {
  type: ['object', 'null'],
  properties: { name: str, driver: str, driver_opts: options, external, labels: listOrDict },
  patternProperties: extensions,
  additionalProperties: false,
} as const;

// `file` is in the schema so that its refusal can say why (FILE_REFERENCE), not "unknown key".
const fileObject = (extra: Record<string, unknown>) => ({
  type: ['object', 'null'],
  properties: { name: str, file: str, external, labels: listOrDict, template_driver: str, content: str, environment: str, ...extra },
  patternProperties: extensions,
  additionalProperties: false,
});

// A name of a service, network, volume, secret or config; `x-*` keys beside them are extensions.
const NAME = '^(?!x-)[a-zA-Z0-9._-]+$';
const section = (item: unknown) => ({ type: ['object', 'null'], patternProperties: { [NAME]: item, ...extensions }, additionalProperties: false });

export const COMPOSE_SCHEMA = {
  type: 'object',
  properties: {
    version: { type: ['string', 'number'] },
    services: section(service),
    networks: section(network),
    volumes: section(volume),
    secrets: section(fileObject({ driver: str, driver_opts: options })),
    configs: section(fileObject({})),
  },
  patternProperties: extensions,
  additionalProperties: false,
} as const;
