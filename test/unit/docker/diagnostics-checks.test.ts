import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runDiagnostics } from '../../../src/docker/diagnostics/index.ts';
import { checkEncryptedWindows } from '../../../src/docker/diagnostics/check-encrypted-windows.ts';
import { checkOverlayContainerLimit, countAttachments } from '../../../src/docker/diagnostics/check-overlay-container-limit.ts';
import { checkQuorum } from '../../../src/docker/diagnostics/check-quorum.ts';
import { checkSubnetOverlap } from '../../../src/docker/diagnostics/check-subnet-overlap.ts';
import { checkUnallocatedNetworks } from '../../../src/docker/diagnostics/check-unallocated-networks.ts';
import type { Network as EngineNetwork, Node as EngineNode, Swarm as EngineSwarm, Task as EngineTask } from '../../../src/docker/engine-api/index.ts';

// Fixtures shaped like Engine 1.41 JSON, reduced to what the checks read.
function node(hostname: string, opts: { manager?: 'reachable' | 'unreachable'; os?: string; addr?: string } = {}): EngineNode {
  return {
    ID: `id-${hostname}`,
    Version: { Index: 10 },
    CreatedAt: '2024-01-01T00:00:00Z',
    UpdatedAt: '2024-01-01T00:00:00Z',
    Spec: { Labels: {}, Role: opts.manager ? 'manager' : 'worker', Availability: 'active' },
    Description: { Hostname: hostname, Platform: { OS: opts.os ?? 'linux', Architecture: 'x86_64' } },
    Status: { State: opts.manager === 'unreachable' ? 'down' : 'ready', Addr: opts.addr ?? '198.18.5.11' },
    ...(opts.manager ? { ManagerStatus: { Reachability: opts.manager, Addr: `${opts.addr ?? '198.18.5.11'}:2377` } } : {}),
  };
}

function overlay(name: string, subnets: string[], options: Record<string, string> = {}): EngineNetwork {
  return {
    Name: name,
    Id: `net-${name}`,
    Scope: 'swarm',
    Driver: 'overlay',
    IPAM: { Driver: 'default', Config: subnets.map((Subnet) => ({ Subnet })) },
    Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4097', ...options },
  };
}

function task(id: string, nodeId: string, networks: string[], state = 'running', desired = 'running'): EngineTask {
  return {
    ID: id,
    Version: { Index: 1 },
    CreatedAt: '',
    UpdatedAt: '',
    ServiceID: 'svc',
    NodeID: nodeId,
    Status: { State: state },
    DesiredState: desired,
    NetworksAttachments: networks.map((n) => ({ Network: { ID: `net-${n}`, Spec: { Name: n } }, Addresses: ['10.0.1.2/24'] })),
  };
}

const swarm: EngineSwarm = {
  ID: 's',
  Version: { Index: 1 },
  CreatedAt: '',
  UpdatedAt: '',
  Spec: { Labels: {}, Orchestration: {}, Raft: { ElectionTick: 10, HeartbeatTick: 1 }, Dispatcher: {}, CAConfig: {}, TaskDefaults: {}, EncryptionConfig: { AutoLockManagers: false } },
  DataPathPort: 5789,
};

describe('diagnostics on fixtures', () => {
  test('required ports follow the swarm data path port, and the ports check lists them as INFO', () => {
    const result = runDiagnostics({ swarm, nodes: [node('m1', { manager: 'reachable' })], networks: [], tasks: [] });
    assert.deepEqual(
      result.requiredPorts.map((p) => `${p.port}/${p.protocol}`),
      ['2377/tcp', '7946/tcp', '7946/udp', '5789/udp'],
    );
    const ports = result.checks.find((c) => c.id === 'ports')!;
    assert.equal(ports.status, 'INFO');
    assert.ok(ports.details.some((d) => d.startsWith('5789/udp')));
    assert.deepEqual(result.checks.map((c) => c.id), ['ports', 'quorum', 'subnet-overlap', 'unallocated-networks', 'encrypted-windows', 'overlay-container-limit']);
  });

  test('the data path port defaults to 4789 when the engine omits it', () => {
    const result = runDiagnostics({ swarm: { ...swarm, DataPathPort: undefined }, nodes: [], networks: [], tasks: [] });
    assert.equal(result.requiredPorts[3]!.port, 4789);
  });

  describe('quorum', () => {
    test('three reachable managers: OK', () => {
      const c = checkQuorum([node('m1', { manager: 'reachable' }), node('m2', { manager: 'reachable' }), node('m3', { manager: 'reachable' }), node('w1')]);
      assert.equal(c.status, 'OK');
      assert.match(c.summary, /3 of 3 manager\(s\) reachable; majority 2; tolerates 1/);
    });

    test('an even number of managers: WARNING', () => {
      const c = checkQuorum([1, 2, 3, 4].map((i) => node(`m${i}`, { manager: 'reachable' })));
      assert.equal(c.status, 'WARNING');
      assert.match(c.details.join('\n'), /even number/);
    });

    test('lost quorum: ERROR', () => {
      const c = checkQuorum([node('m1', { manager: 'reachable' }), node('m2', { manager: 'unreachable' }), node('m3', { manager: 'unreachable' })]);
      assert.equal(c.status, 'ERROR');
      assert.match(c.summary, /Quorum is lost/);
      assert.match(c.details.join('\n'), /1 of 3 managers are reachable/);
    });
  });

  describe('subnet-overlap', () => {
    test('distinct subnets: OK', () => {
      const c = checkSubnetOverlap([overlay('a', ['10.0.1.0/24']), overlay('b', ['10.0.2.0/24'])], [node('m1', { manager: 'reachable' })]);
      assert.equal(c.status, 'OK');
      assert.match(c.summary, /2 overlay subnet/);
    });

    test('overlapping overlays: ERROR naming both', () => {
      const c = checkSubnetOverlap([overlay('a', ['10.10.0.0/16']), overlay('b', ['10.10.5.0/24']), overlay('c', ['10.20.0.0/24'])], []);
      assert.equal(c.status, 'ERROR');
      assert.deepEqual(c.details, ['overlay a (10.10.0.0/16) overlaps overlay b (10.10.5.0/24)']);
    });

    test("an overlay containing a node's address: ERROR naming the node", () => {
      const c = checkSubnetOverlap([overlay('hosts', ['198.18.0.0/16'])], [node('w1', { addr: '198.18.5.12' }), node('w2', { addr: '192.0.2.1' })]);
      assert.equal(c.status, 'ERROR');
      assert.deepEqual(c.details, ['node w1 address 198.18.5.12 is inside overlay hosts (198.18.0.0/16)']);
    });

    test('bridge networks are not overlay subnets', () => {
      const bridge: EngineNetwork = { ...overlay('docker_gwbridge', ['172.18.0.0/16']), Driver: 'bridge', Scope: 'local' };
      const c = checkSubnetOverlap([bridge, overlay('a', ['172.18.0.0/24'])], []);
      assert.equal(c.status, 'OK');
    });
  });

  describe('encrypted-windows', () => {
    test('encrypted overlays and a Windows node: WARNING naming both', () => {
      const c = checkEncryptedWindows([overlay('secure', ['10.0.9.0/24'], { encrypted: '' }), overlay('plain', ['10.0.8.0/24'])], [node('m1', { manager: 'reachable' }), node('win1', { os: 'windows' })]);
      assert.equal(c.status, 'WARNING');
      assert.ok(c.details.includes('encrypted networks: secure'));
      assert.ok(c.details.includes('Windows nodes: win1'));
    });

    test('encrypted overlays on Linux only: OK', () => {
      const c = checkEncryptedWindows([overlay('secure', ['10.0.9.0/24'], { encrypted: '' })], [node('m1', { manager: 'reachable' })]);
      assert.equal(c.status, 'OK');
      assert.match(c.summary, /no node runs Windows/);
    });

    test('Windows nodes without encrypted overlays: OK', () => {
      const c = checkEncryptedWindows([overlay('plain', ['10.0.8.0/24'])], [node('win1', { os: 'windows' })]);
      assert.equal(c.status, 'OK');
    });
  });

  describe('overlay-container-limit', () => {
    const nodes = [node('w1'), node('w2')];
    const many = (count: number, nodeId: string, network: string) => Array.from({ length: count }, (_, i) => task(`${nodeId}-${network}-${i}`, nodeId, [network]));

    test('counts live tasks per node and network, ignoring ended or unscheduled ones', () => {
      const tasks = [
        ...many(3, 'id-w1', 'front'),
        task('done', 'id-w1', ['front'], 'complete', 'shutdown'),
        task('failed', 'id-w1', ['front'], 'failed', 'running'),
        task('both', 'id-w2', ['front', 'back']),
        task('pending', '', ['front'], 'pending'),
      ];
      assert.deepEqual(countAttachments(tasks), [
        { nodeId: 'id-w1', network: 'front', tasks: 3 },
        { nodeId: 'id-w2', network: 'front', tasks: 1 },
        { nodeId: 'id-w2', network: 'back', tasks: 1 },
      ]);
      const c = checkOverlayContainerLimit(tasks, nodes);
      assert.equal(c.status, 'OK');
      assert.match(c.summary, /At most 3 task/);
    });

    test('800 tasks of one node on one overlay: WARNING', () => {
      const c = checkOverlayContainerLimit([...many(800, 'id-w1', 'front'), ...many(799, 'id-w2', 'front')], nodes);
      assert.equal(c.status, 'WARNING');
      assert.deepEqual(c.details, ['node w1: 800 tasks on network front']);
    });

    test('1000 tasks of one node on one overlay: ERROR, also listing those near the limit', () => {
      const c = checkOverlayContainerLimit([...many(1000, 'id-w1', 'front'), ...many(850, 'id-w2', 'back')], nodes);
      assert.equal(c.status, 'ERROR');
      assert.match(c.summary, /moby\/moby#44973/);
      assert.deepEqual(c.details, ['node w1: 1000 tasks on network front', 'node w2: 850 tasks on network back']);
    });

    test('the same number spread over networks is not over the limit', () => {
      const c = checkOverlayContainerLimit([...many(600, 'id-w1', 'a'), ...many(600, 'id-w1', 'b')], nodes);
      assert.equal(c.status, 'OK');
    });
  });
});

describe('unallocated-networks', () => {
  test('a swarm network stored without driver and IPAM (dockerd: "Pool overlaps") is an ERROR naming it; allocated ones and local ones are fine', () => {
    // As `GET /networks` lists an overlay created with a subnet overlapping another's.
    const broken: EngineNetwork = { Name: 'ovB', Id: 'ueed1v4gg015iproos3btko3g', Scope: 'swarm', Driver: '', IPAM: { Driver: '', Config: null }, Options: null };
    const local: EngineNetwork = { Name: 'host', Id: 'h', Scope: 'local', Driver: 'host', IPAM: { Driver: 'default', Config: [] } };
    const c = checkUnallocatedNetworks([overlay('ovA', ['10.77.0.0/24']), broken, local]);
    assert.equal(c.status, 'ERROR');
    assert.deepEqual(c.details, ['network ovB has no driver and no IPAM configuration']);
    assert.match(c.summary, /Pool overlaps/);
    assert.equal(checkUnallocatedNetworks([overlay('ovA', ['10.77.0.0/24']), local]).status, 'OK');
  });
});
