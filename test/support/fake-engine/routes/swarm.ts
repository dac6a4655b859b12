// `/swarm`: inspect, init, join, leave, update, unlockkey, as dockerd answers them.
import { EngineError, notInSwarm } from '../errors.ts';
import { seedNetworks } from '../network-objects.ts';
import type { Router } from '../router.ts';
import { FakeSwarm, type Json } from '../state.ts';

const ALREADY_IN_SWARM = 'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';

/** The swarm, or dockerd's 503 on an engine outside one. */
export function swarmOf(state: FakeSwarm): Json {
  if (!state.swarm) throw notInSwarm();
  return state.swarm;
}

export function swarmRoutes(router: Router): void {
  router.get('/swarm', ({ state }) => swarmOf(state));

  router.post('/swarm/init', ({ state, body }) => {
    if (state.swarm) throw new EngineError(503, ALREADY_IN_SWARM);
    const request = (body ?? {}) as Json;
    const swarm = state.initSwarm(request.Spec ?? {});
    // Zero values mean swarmkit's defaults (4789, 10.0.0.0/8, /24).
    if (request.DataPathPort) swarm.DataPathPort = request.DataPathPort;
    if (request.DefaultAddrPool?.length) swarm.DefaultAddrPool = request.DefaultAddrPool;
    if (request.SubnetSize) swarm.SubnetSize = request.SubnetSize;
    // dockerd creates ingress (and docker_gwbridge) with the swarm.
    seedNetworks(state);
    const node = state.addNode({ hostname: 'fake-engine', role: 'manager', leader: true });
    state.localNodeId = node.ID;
    return node.ID;
  });

  router.post('/swarm/join', ({ state, body }) => {
    if (state.swarm) throw new EngineError(503, ALREADY_IN_SWARM);
    const token = String((body as Json | undefined)?.JoinToken ?? '');
    if (!token.startsWith('SWMTKN-1-')) throw new EngineError(400, 'invalid join token');
    const role = token.includes('-manager') ? 'manager' : 'worker';
    // A token of another fake engine's swarm: this engine becomes a node of that swarm,
    // which its managers list (the node object is shared, so both see its state).
    const target = FakeSwarm.joinedBy(token);
    if (target && target !== state) {
      const node = target.addNode({ hostname: 'fake-engine', role });
      state.swarm = target.swarm;
      state.nodes.set(node.ID, node);
      state.localNodeId = node.ID;
      return undefined;
    }
    state.initSwarm();
    const node = state.addNode({ hostname: 'fake-engine', role });
    state.localNodeId = node.ID;
    return undefined;
  });

  router.post('/swarm/leave', ({ state, query }) => {
    if (!state.swarm) throw new EngineError(503, 'This node is not part of a swarm');
    const local = state.nodes.get(state.localNodeId);
    if (local?.Spec.Role === 'manager' && query.force !== 'true') {
      throw new EngineError(503, 'You are attempting to leave the swarm on a node that is participating as a manager. Use `--force` to ignore this message.');
    }
    // The managers see a node that left as down.
    if (local) local.Status = { ...local.Status, State: 'down' };
    state.swarm = null;
    state.nodes.clear();
    state.services.clear();
    state.tasks.clear();
    state.localNodeId = '';
    return undefined;
  });

  router.post('/swarm/update', ({ state, query, body }) => {
    const swarm = swarmOf(state);
    state.checkVersion(swarm, query.version);
    swarm.Spec = body;
    swarm.Version = state.nextVersion();
    swarm.UpdatedAt = state.now();
    if (query.rotateWorkerToken === 'true') swarm.JoinTokens.Worker = `${swarm.JoinTokens.Worker.slice(0, -8)}${Date.now().toString(36).slice(-8)}`;
    if (query.rotateManagerToken === 'true') swarm.JoinTokens.Manager = `${swarm.JoinTokens.Manager.slice(0, -8)}${Date.now().toString(36).slice(-8)}`;
    return undefined;
  });

  router.get('/swarm/unlockkey', ({ state }) => {
    const swarm = swarmOf(state);
    return { UnlockKey: swarm.Spec.EncryptionConfig?.AutoLockManagers ? 'SWMKEY-1-fakeunlockkey' : '' };
  });
}
