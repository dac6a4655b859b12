// Engine container JSON (`GET /containers/json` summaries and `GET /containers/{id}/json`
// inspects) -> the GraphQL Container model with its network attachments.
import type * as M from './types.ts';
import type { ContainerInspect as EngineContainer, ContainerSummary as EngineContainerSummary, EndpointSettings as EngineEndpointSettings } from '../engine-api/index.ts';
import { keyValues } from './key-values.ts';
import type { ContainerModel, ContainerState } from './types.ts';

/** The label swarm puts on every task's container; standalone containers lack it. */
export const TASK_ID_LABEL = 'com.docker.swarm.task.id';

/** Where a container was read: its cluster, and the configured engine name (null: the cluster's manager endpoint). */
export interface ContainerSource {
  cluster: string;
  engine: string | null;
}

/**
 * A container model from the list. The list leaves out network aliases, so such a model
 * says so and the `networks` resolver inspects the container when they are asked for.
 */
export type ContainerSummaryModel = ContainerModel & { networksFromSummary: true };

export function isSummaryModel(model: ContainerModel): model is ContainerSummaryModel {
  return (model as Partial<ContainerSummaryModel>).networksFromSummary === true;
}

function withPrefix(address: string | undefined, prefixLen: number | undefined): string | null {
  if (!address) return null;
  return prefixLen ? `${address}/${prefixLen}` : address;
}

/** Network attachments, sorted by network name. */
export function networkAttachments(networks: Record<string, EngineEndpointSettings> | null | undefined): M.ContainerNetworkAttachment[] {
  return Object.entries(networks ?? {})
    .map(([networkName, s]) => ({
      networkName,
      networkId: s.NetworkID ?? '',
      ipv4Address: withPrefix(s.IPAddress, s.IPPrefixLen),
      ipv6Address: withPrefix(s.GlobalIPv6Address, s.GlobalIPv6PrefixLen),
      staticIpv4Address: s.IPAMConfig?.IPv4Address || null,
      aliases: s.Aliases ?? [],
      gateway: s.Gateway || null,
      macAddress: s.MacAddress || null,
    }))
    .sort((a, b) => (a.networkName < b.networkName ? -1 : a.networkName > b.networkName ? 1 : 0));
}

function taskIdOf(labels: Record<string, string> | null | undefined): string | null {
  return labels?.[TASK_ID_LABEL] || null;
}

export function isStandalone(labels: Record<string, string> | null | undefined): boolean {
  return taskIdOf(labels) === null;
}

/** A container from `GET /containers/{id}/json`. */
export function containerFromInspect(json: EngineContainer, source: ContainerSource): ContainerModel {
  const labels = json.Config?.Labels ?? {};
  return {
    cluster: source.cluster,
    engine: source.engine,
    id: json.Id,
    name: json.Name.replace(/^\//, ''),
    // Config.Image is the reference the container was started from; Image is the resolved ID.
    image: json.Config?.Image || json.Image,
    state: (json.State?.Status ?? 'unknown') as ContainerState,
    taskId: taskIdOf(labels),
    labels: keyValues(labels),
    networks: networkAttachments(json.NetworkSettings?.Networks),
  };
}

/** A container from `GET /containers/json` (aliases unknown, see ContainerSummaryModel). */
export function containerFromSummary(json: EngineContainerSummary, source: ContainerSource): ContainerSummaryModel {
  const labels = json.Labels ?? {};
  return {
    cluster: source.cluster,
    engine: source.engine,
    id: json.Id,
    name: (json.Names[0] ?? json.Id).replace(/^\//, ''),
    image: json.Image,
    state: json.State as ContainerState,
    taskId: taskIdOf(labels),
    labels: keyValues(labels),
    networks: networkAttachments(json.NetworkSettings?.Networks),
    networksFromSummary: true,
  };
}
