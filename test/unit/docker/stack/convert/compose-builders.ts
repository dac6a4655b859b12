// Hand-built normalized compose files for the converter's tests: every key at the value the
// loader gives when the file does not write it, so a test names only what its file says.
import type { ComposeDeploy, ComposeFile, ComposeFileObject, ComposeNetwork, ComposeService, ComposeVolume } from '../../../../../src/docker/stack/compose-file.ts';

export function deploy(over: Partial<ComposeDeploy> = {}): ComposeDeploy {
  return {
    mode: 'replicated',
    replicas: null,
    labels: {},
    endpoint_mode: null,
    update_config: null,
    rollback_config: null,
    restart_policy: null,
    resources: { limits: null, reservations: null },
    placement: { constraints: [], preferences: [], max_replicas_per_node: null },
    ...over,
  };
}

export function service(over: Partial<Omit<ComposeService, 'deploy'>> & { deploy?: Partial<ComposeDeploy> } = {}): ComposeService {
  const { deploy: d, ...rest } = over;
  return {
    image: 'sg-busybox:latest',
    command: null,
    entrypoint: null,
    environment: {},
    labels: {},
    hostname: null,
    user: null,
    working_dir: null,
    stop_signal: null,
    stop_grace_period: null,
    tty: null,
    stdin_open: null,
    read_only: null,
    init: null,
    dns: [],
    dns_search: [],
    dns_opt: [],
    extra_hosts: [],
    cap_add: [],
    cap_drop: [],
    sysctls: {},
    ulimits: {},
    isolation: null,
    logging: null,
    healthcheck: null,
    ports: [],
    networks: null,
    secrets: [],
    configs: [],
    volumes: [],
    ...rest,
    deploy: deploy(d),
  };
}

export function network(over: Partial<ComposeNetwork> = {}): ComposeNetwork {
  return { name: null, driver: null, driver_opts: {}, ipam: null, external: false, internal: false, attachable: false, labels: {}, ...over };
}

export function volume(over: Partial<ComposeVolume> = {}): ComposeVolume {
  return { name: null, driver: null, driver_opts: {}, external: false, labels: {}, ...over };
}

export function fileObject(over: Partial<ComposeFileObject> = {}): ComposeFileObject {
  return { name: null, external: false, labels: {}, driver: null, driver_opts: {}, template_driver: null, data: null, dataFrom: null, ...over };
}

export function composeFile(over: Partial<ComposeFile> = {}): ComposeFile {
  return { version: '3.9', services: {}, networks: {}, volumes: {}, secrets: {}, configs: {}, ...over };
}

export const SEC = 1_000_000_000;

/** The labels every object of stack `s1` carries. */
export const NS = { 'com.docker.stack.namespace': 's1' } as const;
