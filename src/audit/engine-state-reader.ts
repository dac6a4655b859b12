// The engine reads reconciliation needs (reconcile.ts), over the clusters' Engine API:
// whether a network, service or node exists now, with its creation and last-change times.
// A 404 means "does not exist"; any other failure throws (the engine could not be read).
import { inspectNetwork } from '../docker/api/networks.ts';
import { inspectNode, listNodes } from '../docker/api/nodes.ts';
import { inspectService } from '../docker/api/services.ts';
import type { EngineRegistry } from '../docker/registry.ts';
import { isNotFound } from '../errors/gateway-error.ts';
import type { EngineStateReader, ObjectState } from './reconcile.ts';

const missing: ObjectState = { exists: false };

function date(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

async function orMissing(read: () => Promise<ObjectState>): Promise<ObjectState> {
  try {
    return await read();
  } catch (err) {
    if (isNotFound(err)) return missing;
    throw err;
  }
}

export function engineStateReader(registry: EngineRegistry): EngineStateReader {
  return {
    // The cluster is resolved outside orMissing: an unconfigured cluster is not a missing object.
    network: (cluster, ref) => {
      const api = registry.cluster(cluster);
      return orMissing(async () => {
        const n = await inspectNetwork(api, ref);
        return { exists: true, id: n.Id, createdAt: date(n.Created) };
      });
    },
    service: (cluster, ref) => {
      const api = registry.cluster(cluster);
      return orMissing(async () => {
        const s = await inspectService(api, ref);
        return { exists: true, id: s.ID, createdAt: date(s.CreatedAt), updatedAt: date(s.UpdatedAt) };
      });
    },
    node: async (cluster, ref) => {
      const api = registry.cluster(cluster);
      const byId = await orMissing(async () => {
        const n = await inspectNode(api, ref);
        return { exists: true, id: n.ID, createdAt: date(n.CreatedAt), updatedAt: date(n.UpdatedAt) };
      });
      if (byId.exists) return byId;
      // The gateway accepts a hostname where the Engine only takes an ID or node name.
      const n = (await listNodes(api)).find((node) => node.Description.Hostname === ref);
      return n ? { exists: true, id: n.ID, createdAt: date(n.CreatedAt), updatedAt: date(n.UpdatedAt) } : missing;
    },
  };
}
