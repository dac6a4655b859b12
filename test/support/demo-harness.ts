// Test support: a swarm of the demo's shape (scripts/demo.sh: one manager, two workers, a
// spare engine on the same bridge outside the swarm) and a gateway configured as the demo's
// (one cluster, every node a named engine, plus the spare), running as `npm start` runs it:
// its own process, the audit log in embedded PGlite under its own data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFor } from './gateway.ts';
import { spawnGateway, type GatewayProcess } from './gateway-process.ts';
import { engineUp, swarmDown, swarmUp, type SwarmNode, type SwarmState } from './swarm.ts';

export interface DemoHarness {
  swarm: SwarmState;
  /** The engine outside the swarm (`<name>-spare`, its node `<name>-spare-engine`). */
  spare: SwarmState;
  manager: SwarmNode;
  gw: GatewayProcess;
  /** A node of the swarm or the spare engine, by hostname. */
  node(hostname: string): SwarmNode;
  /** Stops the gateway, removes its data and brings both down. */
  stop(): Promise<void>;
}

export async function startDemoHarness(name: string, env: Record<string, string> = {}): Promise<DemoHarness> {
  const swarm = await swarmUp(name, { workers: 2 });
  const spare = await engineUp(`${name}-spare`, { attachTo: name });
  const dataDir = mkdtempSync(path.join(tmpdir(), `sg-${name}-`));
  const stop = async () => {
    await gw?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await swarmDown(`${name}-spare`);
    await swarmDown(name);
  };
  let gw: GatewayProcess | undefined;
  try {
    gw = await spawnGateway(configFor([swarm], { engines: [spare] }), { GATEWAY_DATA_DIR: dataDir, ...env });
  } catch (err) {
    await stop();
    throw err;
  }
  const node = (hostname: string) => {
    const found = [...swarm.nodes, ...spare.nodes].find((n) => n.hostname === hostname);
    if (!found) throw new Error(`no node ${hostname} in the harness`);
    return found;
  };
  return { swarm, spare, manager: swarm.nodes.find((n) => n.role === 'manager')!, gw, node, stop };
}
