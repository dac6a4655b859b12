// The container converters against recorded Engine JSON: a standalone container connected
// to an attachable overlay with an alias and a static address, as inspect and as list.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ContainerInspect as EngineContainer, ContainerSummary as EngineContainerSummary } from '../../../src/docker/engine-api/index.ts';
import { containerFromInspect, containerFromSummary, isStandalone, isSummaryModel } from '../../../src/docker/model/container.ts';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;

const inspect = fixture<EngineContainer>('network-container-inspect.json');
const summaries = fixture<EngineContainerSummary[]>('network-containers-list.json');

describe('containerFromInspect', () => {
  const m = containerFromInspect(inspect, { cluster: 'c1', engine: null });

  test('identity, image reference and state', () => {
    assert.equal(m.name, 'alpine1');
    assert.equal(m.id, '843beba2ef9489dc1d298ee3bb5dbe851ff260610f00e318e903ca64b74255b0');
    assert.equal(m.image, 'sg-busybox:latest');
    assert.equal(m.state, 'running');
    assert.equal(m.taskId, null);
    assert.equal(m.engine, null);
    assert.equal(isSummaryModel(m), false);
  });

  test('attachments: alias, static address, address with prefix, sorted by network name', () => {
    assert.deepEqual(m.networks, [
      {
        networkName: 'att-ov',
        networkId: 'lkae5dpr1lahstrp98qh3ibq6',
        ipv4Address: '10.0.1.100/24',
        ipv6Address: null,
        staticIpv4Address: '10.0.1.100',
        aliases: ['a1', '843beba2ef94'],
        gateway: null,
        macAddress: '02:42:0a:00:01:64',
      },
      {
        networkName: 'bridge',
        networkId: 'b2cbe7d6239c77e8b1d36e7f7d6a67fd20af78010a9eca646d86e3ec6e319b35',
        ipv4Address: '172.17.0.2/16',
        ipv6Address: null,
        staticIpv4Address: null,
        aliases: [],
        gateway: '172.17.0.1',
        macAddress: '02:42:ac:11:00:02',
      },
    ]);
  });
});

describe('containerFromSummary', () => {
  test('the standalone container: same attachments except the aliases the list leaves out', () => {
    const s = summaries.find((c) => c.Names[0] === '/alpine1')!;
    const m = containerFromSummary(s, { cluster: 'c1', engine: 'worker-1' });
    assert.equal(m.name, 'alpine1');
    assert.equal(m.engine, 'worker-1');
    assert.equal(isSummaryModel(m), true);
    assert.deepEqual(
      m.networks.map((n) => [n.networkName, n.ipv4Address, n.staticIpv4Address, n.aliases]),
      [
        ['att-ov', '10.0.1.100/24', '10.0.1.100', []],
        ['bridge', '172.17.0.2/16', null, []],
      ],
    );
  });

  test('swarm task containers carry their task ID; standalone ones do not', () => {
    const tasks = summaries.filter((c) => !isStandalone(c.Labels));
    assert.ok(tasks.length >= 1);
    for (const t of tasks) {
      const m = containerFromSummary(t, { cluster: 'c1', engine: null });
      assert.equal(m.taskId, t.Labels!['com.docker.swarm.task.id']);
      assert.match(m.taskId!, /^[a-z0-9]{25}$/);
    }
  });
});
