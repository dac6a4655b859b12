// GraphQL service inputs -> the engine layer's service options. Field names are kept, so a
// problem the engine layer reports at `['ports', '0', 'targetPort']` is the input's
// `['input', 'ports', '0', 'targetPort']` (src/graphql/run-mutation.ts); the selecting
// arguments (cluster, id, version) stay here. Each field is copied by name, so a field added
// to the schema reaches the engine layer only when it is added here too.
import type {
  HealthCheckInput,
  MountInput,
  PortConfigInput,
  ServiceCreateInput,
  ServiceNetworkInput,
  ServiceScaleInput,
  ServiceUpdateInput,
  UpdatePolicyInput,
} from '../../generated/graphql.ts';
import type { MountOptions, ServiceCreateOptions, ServiceNetworkOptions, ServiceScaleOptions, ServiceUpdateOptions } from '../../docker/mapping/index.ts';
import type { HealthCheckOptions, PortConfigOptions, UpdatePolicyOptions } from '../../validate/index.ts';
import { keyValueOptions, labelChangeOptions } from '../key-value-options.ts';

export function serviceNetworkOptions(n: ServiceNetworkInput): ServiceNetworkOptions {
  return { target: n.target, aliases: n.aliases };
}

function portConfigOptions(p: PortConfigInput): PortConfigOptions {
  return { targetPort: p.targetPort, publishedPort: p.publishedPort, protocol: p.protocol, publishMode: p.publishMode };
}

function mountOptions(m: MountInput): MountOptions {
  return { type: m.type, source: m.source, target: m.target, readOnly: m.readOnly, volumeDriver: m.volumeDriver, volumeOptions: keyValueOptions(m.volumeOptions) };
}

function updatePolicyOptions(p: UpdatePolicyInput | null | undefined): UpdatePolicyOptions | null | undefined {
  if (p == null) return p;
  return { parallelism: p.parallelism, delay: p.delay, failureAction: p.failureAction, monitor: p.monitor, maxFailureRatio: p.maxFailureRatio, order: p.order };
}

function healthCheckOptions(h: HealthCheckInput | null | undefined): HealthCheckOptions | null | undefined {
  if (h == null) return h;
  return { test: h.test, interval: h.interval, timeout: h.timeout, startPeriod: h.startPeriod, retries: h.retries };
}

export function serviceCreateOptions(input: ServiceCreateInput): ServiceCreateOptions {
  const r = input.resources;
  return {
    name: input.name,
    image: input.image,
    mode: input.mode,
    replicas: input.replicas,
    totalCompletions: input.totalCompletions,
    maxConcurrent: input.maxConcurrent,
    healthcheck: healthCheckOptions(input.healthcheck),
    noHealthcheck: input.noHealthcheck,
    command: input.command,
    args: input.args,
    env: input.env,
    workdir: input.workdir,
    user: input.user,
    hostname: input.hostname,
    labels: keyValueOptions(input.labels),
    containerLabels: keyValueOptions(input.containerLabels),
    constraints: input.constraints,
    networks: input.networks?.map(serviceNetworkOptions),
    endpointMode: input.endpointMode,
    publish: input.publish,
    ports: input.ports?.map(portConfigOptions),
    mounts: input.mounts?.map(mountOptions),
    capabilityAdd: input.capabilityAdd,
    capabilityDrop: input.capabilityDrop,
    resources: r == null ? r : { limitCpus: r.limitCpus, limitMemory: r.limitMemory, reserveCpus: r.reserveCpus, reserveMemory: r.reserveMemory },
    updateConfig: updatePolicyOptions(input.updateConfig),
    rollbackConfig: updatePolicyOptions(input.rollbackConfig),
  };
}

export function serviceUpdateOptions(input: ServiceUpdateInput): ServiceUpdateOptions {
  return {
    image: input.image,
    command: input.command,
    args: input.args,
    healthcheck: healthCheckOptions(input.healthcheck),
    noHealthcheck: input.noHealthcheck,
    replicas: input.replicas,
    networkAdd: input.networkAdd?.map(serviceNetworkOptions),
    networkRemove: input.networkRemove,
    publishAdd: input.publishAdd,
    publishRemove: input.publishRemove,
    envAdd: input.envAdd,
    envRemove: input.envRemove,
    labels: labelChangeOptions(input.labels),
    secretRemove: input.secretRemove,
    configRemove: input.configRemove,
    force: input.force,
  };
}

export function serviceScaleOptions(input: ServiceScaleInput): ServiceScaleOptions {
  return { replicas: input.replicas };
}
