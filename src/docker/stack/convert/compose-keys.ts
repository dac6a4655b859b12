// The keys of the normalized ComposeFile (compose-file.ts) that the converter reads; any other
// key of it the converter ignores, as docker/cli's convert package does (dns_opt, and a
// service network's ipv4_address/ipv6_address), so the loader can warn about them.
import type { ComposeDeploy, ComposeFileObject, ComposeNetwork, ComposeService, ComposeVolume } from '../compose-file.ts';

export interface ConvertedComposeKeys {
  service: readonly (keyof ComposeService)[];
  deploy: readonly (keyof ComposeDeploy)[];
  serviceNetwork: readonly string[];
  network: readonly (keyof ComposeNetwork)[];
  volume: readonly (keyof ComposeVolume)[];
  secret: readonly (keyof ComposeFileObject)[];
  config: readonly (keyof ComposeFileObject)[];
}

const KEYS: ConvertedComposeKeys = {
  service: [
    'image', 'command', 'entrypoint', 'environment', 'labels', 'hostname', 'user', 'working_dir', 'stop_signal', 'stop_grace_period',
    'tty', 'stdin_open', 'read_only', 'init', 'dns', 'dns_search', 'extra_hosts', 'cap_add', 'cap_drop', 'sysctls', 'ulimits',
    'isolation', 'restart', 'logging', 'healthcheck', 'deploy', 'ports', 'networks', 'secrets', 'configs', 'volumes',
  ],
  deploy: ['mode', 'replicas', 'labels', 'endpoint_mode', 'update_config', 'rollback_config', 'restart_policy', 'resources', 'placement'],
  serviceNetwork: ['aliases', 'driver_opts'],
  network: ['name', 'driver', 'driver_opts', 'ipam', 'external', 'internal', 'attachable', 'labels'],
  volume: ['name', 'driver', 'driver_opts', 'external', 'labels'],
  secret: ['name', 'external', 'labels', 'driver', 'driver_opts', 'template_driver', 'data'],
  config: ['name', 'external', 'labels', 'template_driver', 'data'],
};

/** Which keys of the ComposeFile the conversion uses (nothing else of it reaches the engine). */
export function convertedComposeKeys(): ConvertedComposeKeys {
  return KEYS;
}
