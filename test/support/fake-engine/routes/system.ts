// `/_ping`, `/version` and `/info`: what the engine says about itself (the gateway's
// health probe reads /info's Swarm.LocalNodeState and ControlAvailable).
import { Reply, type Router } from '../router.ts';
import type { FakeSwarm, Json } from '../state.ts';

export const API_VERSION = '1.45';

export function systemRoutes(router: Router): void {
  router.get('/_ping', () => new Reply(200, 'OK', 'text/plain; charset=utf-8'));
  router.head('/_ping', () => new Reply(200, '', 'text/plain; charset=utf-8'));
  router.get('/version', () => ({
    Platform: { Name: 'Docker Engine - Fake' },
    Version: '26.1.5',
    ApiVersion: API_VERSION,
    MinAPIVersion: '1.24',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: '6.1.0',
  }));
  router.get('/info', ({ state }) => info(state));
}

function info(state: FakeSwarm): Json {
  const local = state.nodes.get(state.localNodeId);
  const inSwarm = state.swarm !== null && local !== undefined;
  const managers = [...state.nodes.values()].filter((n) => n.Spec.Role === 'manager');
  return {
    ID: 'FAKE:ENGINE:ID',
    Name: local?.Description.Hostname ?? 'fake-engine',
    ServerVersion: '26.1.5',
    OperatingSystem: 'Fake Linux',
    Swarm: inSwarm
      ? {
          NodeID: local.ID,
          NodeAddr: local.Status.Addr,
          LocalNodeState: 'active',
          ControlAvailable: local.Spec.Role === 'manager',
          Error: '',
          RemoteManagers: managers.map((m) => ({ NodeID: m.ID, Addr: m.ManagerStatus?.Addr ?? `${m.Status.Addr}:2377` })),
          Nodes: state.nodes.size,
          Managers: managers.length,
          Cluster: { ID: state.swarm!.ID, Version: state.swarm!.Version, Spec: state.swarm!.Spec },
        }
      : { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
  };
}
