// swarmInit and swarmLeave act either on a configured engine (by name) or on a cluster's
// manager endpoint. A Swarm model read from an engine remembers the engine, so that its
// nested fields (quorum) read from the same engine rather than from a cluster.
import type { EngineRegistry } from '../../docker/registry.ts';
import type { EngineApi } from '../../docker/endpoint.ts';
import type { SwarmModel } from '../../docker/model/types.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { engineClusterMismatch } from '../access/engine-cluster.ts';

export interface SwarmTarget {
  api: EngineApi;
  /** The cluster name for models and the audit record. */
  cluster: string;
  /** The configured engine, when one was named. */
  engine: string | undefined;
}

/** The engine named in `input.engine`, or the cluster's client; unknown names, and a `cluster` that is not the engine's, are input errors. */
export function swarmTarget(registry: EngineRegistry, input: { cluster?: string | null; engine?: string | null }): SwarmTarget {
  if (input.engine != null) {
    if (!registry.engineNames().includes(input.engine)) {
      const known = registry.engineNames();
      throw new UserInputError([
        {
          field: ['input', 'engine'],
          code: 'REFERENCE_NOT_FOUND',
          message: `engine "${input.engine}" is not configured${known.length ? ` (configured: ${known.join(', ')})` : ''}`,
        },
      ]);
    }
    const mismatch = engineClusterMismatch(registry, input.engine, input.cluster);
    if (mismatch) throw new UserInputError([{ field: ['input', 'cluster'], code: 'INVALID_VALUE', message: mismatch }]);
    const engine = registry.engine(input.engine);
    return { api: engine.endpoint, cluster: engine.cluster ?? engine.name, engine: engine.name };
  }
  const client = registry.cluster(input.cluster);
  return { api: client, cluster: client.name, engine: undefined };
}

type EngineSwarmModel = SwarmModel & { engine?: string };

export function withEngine(model: SwarmModel, engine: string | undefined): SwarmModel {
  return engine ? ({ ...model, engine } as EngineSwarmModel) : model;
}

export function engineOfModel(model: SwarmModel): string | undefined {
  return (model as EngineSwarmModel).engine;
}
