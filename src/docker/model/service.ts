// Engine service JSON (`GET /services`, `docker service inspect`) -> the GraphQL Service
// model. Pure functions: relations (tasks, networks' objects, discovery, logs) are left
// for the resolvers, which load them in batches.
import type * as M from './types.ts';
import type { HealthConfig as EngineHealthConfig, PortConfig as EnginePortConfig, Service as EngineService, ServiceSpec as EngineServiceSpec, Task as EngineTask, UpdateConfig as EngineUpdateConfig } from '../engine-api/index.ts';
import { keyValues } from './key-values.ts';
import { specNetworks } from './spec-networks.ts';
import type { ServiceModel, ServiceNetworkAttachmentModel } from './types.ts';

const NANO = 1e9;

export function toServiceModel(cluster: string, s: EngineService): ServiceModel {
  const spec = s.Spec;
  const container = spec.TaskTemplate?.ContainerSpec ?? {};
  const resources = spec.TaskTemplate?.Resources;
  return {
    cluster,
    id: s.ID,
    version: s.Version.Index,
    name: spec.Name ?? '',
    image: container.Image ?? '',
    command: container.Command ?? [],
    args: container.Args ?? [],
    mode: serviceModeOf(spec),
    replicas: replicasOf(spec),
    maxConcurrent: spec.Mode?.ReplicatedJob ? (spec.Mode.ReplicatedJob.MaxConcurrent ?? 0) : null,
    jobStatus: jobStatusOf(s),
    healthcheck: healthCheckOf(container.Healthcheck),
    runningTasks: s.ServiceStatus?.RunningTasks ?? null,
    desiredTasks: s.ServiceStatus?.DesiredTasks ?? null,
    networks: serviceNetworks(cluster, s),
    endpointMode: endpointModeOf(s),
    ports: servicePorts(s),
    env: container.Env ?? [],
    labels: keyValues(spec.Labels),
    containerLabels: keyValues(container.Labels),
    constraints: spec.TaskTemplate?.Placement?.Constraints ?? [],
    mounts: serviceMounts(container.Mounts),
    capabilityAdd: stringList(container.CapabilityAdd),
    capabilityDrop: stringList(container.CapabilityDrop),
    resources: {
      limitCpus: positive(resources?.Limits?.NanoCPUs, NANO),
      limitMemoryBytes: positive(resources?.Limits?.MemoryBytes, 1),
      reserveCpus: positive(resources?.Reservations?.NanoCPUs, NANO),
      reserveMemoryBytes: positive(resources?.Reservations?.MemoryBytes, 1),
    },
    updateConfig: updatePolicy(spec.UpdateConfig),
    rollbackConfig: updatePolicy(spec.RollbackConfig),
    updateStatus: s.UpdateStatus?.State
      ? {
          state: s.UpdateStatus.State as M.UpdateState,
          startedAt: s.UpdateStatus.StartedAt ?? null,
          completedAt: s.UpdateStatus.CompletedAt ?? null,
          message: s.UpdateStatus.Message || null,
        }
      : null,
    canRollback: s.PreviousSpec !== undefined && s.PreviousSpec !== null,
    createdAt: s.CreatedAt,
    updatedAt: s.UpdatedAt,
  };
}

/** `ContainerSpec.Mounts[]` as the engine returns it (`mount.Mount`). */
interface EngineMount {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  VolumeOptions?: { DriverConfig?: { Name?: string; Options?: Record<string, string> | null } | null } | null;
}

/** The spec's mounts; an `npipe` (Windows) shows as BIND, the host object it is. */
function serviceMounts(raw: unknown): M.ServiceMount[] {
  if (!Array.isArray(raw)) return [];
  return (raw as EngineMount[]).map((m) => {
    const driver = m.VolumeOptions?.DriverConfig;
    return {
      type: m.Type === 'volume' ? 'VOLUME' : m.Type === 'tmpfs' ? 'TMPFS' : 'BIND',
      source: m.Source || null,
      target: m.Target ?? '',
      readOnly: m.ReadOnly === true,
      volumeDriver: driver?.Name || null,
      volumeOptions: keyValues(driver?.Options ?? undefined),
    };
  });
}

function stringList(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}

/** `Mode`'s one set member; an empty Mode is replicated, as the engine reads it. */
export function serviceModeOf(spec: EngineServiceSpec): M.ServiceMode {
  const mode = spec.Mode ?? {};
  if (mode.Global) return 'GLOBAL';
  if (mode.GlobalJob) return 'GLOBAL_JOB';
  if (mode.ReplicatedJob) return 'REPLICATED_JOB';
  return 'REPLICATED';
}

/** Replicas, or a replicated job's TotalCompletions (what the CLI's `--replicas` sets for it). */
function replicasOf(spec: EngineServiceSpec): number | null {
  if (spec.Mode?.Replicated) return spec.Mode.Replicated.Replicas ?? 0;
  if (spec.Mode?.ReplicatedJob) return spec.Mode.ReplicatedJob.TotalCompletions ?? 0;
  return null;
}

function jobStatusOf(s: EngineService): M.JobStatus | null {
  if (!s.Spec.Mode?.ReplicatedJob && !s.Spec.Mode?.GlobalJob) return null;
  return { iteration: s.JobStatus?.JobIteration?.Index ?? 0, lastExecution: s.JobStatus?.LastExecution ?? null };
}

/** Durations in seconds; a missing field is Docker's default, shown as 0. */
function healthCheckOf(h: EngineHealthConfig | undefined): M.HealthCheck | null {
  if (!h) return null;
  return {
    test: stringList(h.Test),
    intervalSeconds: (h.Interval ?? 0) / NANO,
    timeoutSeconds: (h.Timeout ?? 0) / NANO,
    startPeriodSeconds: (h.StartPeriod ?? 0) / NANO,
    retries: h.Retries ?? 0,
  };
}

export function endpointModeOf(s: EngineService): M.EndpointMode {
  const mode = s.Spec.EndpointSpec?.Mode ?? s.Endpoint?.Spec?.Mode ?? 'vip';
  return mode === 'dnsrr' ? 'DNSRR' : 'VIP';
}

/**
 * The networks of the spec (TaskTemplate.Networks, or the deprecated Spec.Networks as the
 * CLI reads them), each with the VIP the swarm allocated there. Ingress is not listed: it
 * is not in the spec and offers no service discovery.
 */
function serviceNetworks(cluster: string, s: EngineService): ServiceNetworkAttachmentModel[] {
  const attached = specNetworks(s.Spec);
  const vips = new Map((s.Endpoint?.VirtualIPs ?? []).map((v) => [v.NetworkID, v.Addr]));
  return attached.map((n) => {
    const vip = vips.get(n.Target);
    return { cluster, networkId: n.Target, aliases: n.Aliases ?? [], virtualIp: vip ? withoutPrefix(vip) : null };
  });
}

/** Allocated ports (with published ports Docker chose) when present, else the spec's. */
function servicePorts(s: EngineService): M.PortConfig[] {
  const ports = s.Endpoint?.Ports ?? s.Spec.EndpointSpec?.Ports ?? [];
  return ports.map(toPortConfig);
}

export function toPortConfig(p: EnginePortConfig): M.PortConfig {
  return {
    targetPort: p.TargetPort ?? 0,
    publishedPort: p.PublishedPort ? p.PublishedPort : null,
    protocol: (p.Protocol ?? 'tcp').toUpperCase() as M.PortProtocol,
    publishMode: p.PublishMode === 'host' ? 'HOST' : 'INGRESS',
  };
}

/** The Engine omits zero values, so a missing field is the zero value, not "unknown". */
function updatePolicy(c: EngineUpdateConfig | undefined): M.UpdatePolicy | null {
  if (!c) return null;
  return {
    parallelism: c.Parallelism ?? 0,
    delaySeconds: (c.Delay ?? 0) / NANO,
    failureAction: c.FailureAction || 'pause',
    monitorSeconds: (c.Monitor ?? 0) / NANO,
    maxFailureRatio: c.MaxFailureRatio ?? 0,
    order: c.Order || 'stop-first',
  };
}

function positive(value: number | undefined, divisor: number): number | null {
  return value ? value / divisor : null;
}

/** `10.0.1.2/24` -> `10.0.1.2`: the address DNS answers with. */
export function withoutPrefix(cidr: string): string {
  const slash = cidr.indexOf('/');
  return slash < 0 ? cidr : cidr.slice(0, slash);
}

/**
 * The DNS names a service has on each network it is attached to, and what the swarm's
 * embedded DNS answers for them (libnetwork's addServiceBinding): the service name and its
 * aliases resolve to the VIP in vip mode, or to every running task's address in dnsrr
 * mode; `tasks.<service>` (and `tasks.<alias>`, checked against Docker 20.10) always resolves
 * to every running task's address. Computed from
 * the service's VIPs and its tasks' network attachments, with no call per name.
 * `networkNames` maps network IDs to names (the tasks' own copies, see attachedNetworkNames);
 * a network missing from it is shown by its ID.
 */
export function serviceDiscovery(
  service: Pick<ServiceModel, 'name' | 'endpointMode' | 'networks'>,
  tasks: EngineTask[],
  networkNames: ReadonlyMap<string, string>,
): M.ServiceDnsName[] {
  const running = tasks.filter((t) => t.Status.State === 'running');
  const names: M.ServiceDnsName[] = [];
  for (const attachment of service.networks) {
    const network = networkNames.get(attachment.networkId) ?? attachment.networkId;
    const taskAddresses = sortAddresses(
      running.flatMap((t) =>
        (t.NetworksAttachments ?? []).filter((a) => a.Network.ID === attachment.networkId).flatMap((a) => (a.Addresses ?? []).map(withoutPrefix)),
      ),
    );
    const vip = service.endpointMode === 'VIP';
    const serviceAddresses = vip ? (attachment.virtualIp ? [attachment.virtualIp] : []) : taskAddresses;
    const kind = vip ? 'vip' : 'tasks';
    const serviceNames = [service.name, ...attachment.aliases];
    for (const name of serviceNames) names.push({ network, name, addresses: serviceAddresses, kind });
    for (const name of serviceNames) names.push({ network, name: `tasks.${name}`, addresses: taskAddresses, kind: 'tasks' });
  }
  return names;
}

/** IPv4 addresses in numeric order (others after, as text), without duplicates. */
function sortAddresses(addresses: string[]): string[] {
  const key = (a: string) => {
    const parts = a.split('.');
    return parts.length === 4 && parts.every((p) => /^\d+$/.test(p)) ? parts.map((p) => p.padStart(3, '0')).join('.') : `~${a}`;
  };
  return [...new Set(addresses)].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
