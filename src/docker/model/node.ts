// Engine node JSON (`GET /nodes`, `docker node inspect`) as the GraphQL Node model.
import type { NodeAvailability, NodeReachability, NodeRole, NodeState } from './types.ts';
import type { Node as EngineNode } from '../engine-api/index.ts';
import { keyValues } from './key-values.ts';
import type { NodeModel } from './types.ts';

export const toNodeRole = (role: string): NodeRole => (role === 'manager' ? 'MANAGER' : 'WORKER');

export function toNodeAvailability(availability: string): NodeAvailability {
  if (availability === 'drain') return 'DRAIN';
  if (availability === 'pause') return 'PAUSE';
  return 'ACTIVE';
}

/**
 * The address a node is reached at. Older managers report `0.0.0.0` in `Status.Addr`;
 * the Docker CLI then shows the host of the Raft address, and so do we.
 */
function nodeAddress(node: EngineNode): string {
  const addr = node.Status.Addr ?? '';
  const raft = node.ManagerStatus?.Addr;
  if ((addr === '' || addr === '0.0.0.0') && raft) return hostOf(raft);
  return addr;
}

/** The host part of `host:port` (IPv6 hosts come in brackets). */
export function hostOf(hostPort: string): string {
  const bracketed = /^\[(.*)\]:\d+$/.exec(hostPort);
  if (bracketed) return bracketed[1]!;
  const i = hostPort.lastIndexOf(':');
  return i > 0 && hostPort.indexOf(':') === i ? hostPort.slice(0, i) : hostPort;
}

export function toNodeModel(cluster: string, node: EngineNode): NodeModel {
  const description = node.Description ?? { Hostname: '' };
  const manager = node.ManagerStatus;
  return {
    cluster,
    id: node.ID,
    version: node.Version?.Index ?? 0,
    hostname: description.Hostname ?? '',
    name: node.Spec.Name || null,
    role: toNodeRole(node.Spec.Role),
    availability: toNodeAvailability(node.Spec.Availability),
    state: node.Status.State as NodeState,
    stateMessage: node.Status.Message || null,
    address: nodeAddress(node),
    leader: manager?.Leader === true,
    reachability: (manager?.Reachability as NodeReachability | undefined) ?? null,
    managerAddress: manager?.Addr ?? null,
    engineVersion: description.Engine?.EngineVersion ?? '',
    labels: keyValues(node.Spec.Labels),
    engineLabels: keyValues(description.Engine?.Labels),
    os: description.Platform?.OS ?? '',
    architecture: description.Platform?.Architecture ?? '',
    cpus: (description.Resources?.NanoCPUs ?? 0) / 1e9,
    memoryBytes: description.Resources?.MemoryBytes ?? 0,
    createdAt: node.CreatedAt,
    updatedAt: node.UpdatedAt,
  };
}
