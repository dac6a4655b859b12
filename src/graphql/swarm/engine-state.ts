// What a configured engine says about its own swarm membership (`GET /info`), used to
// refuse init/join/gwbridge on an engine already in a swarm before anything is sent.
import type { EngineApi } from '../../docker/endpoint.ts';
import { engineInfo } from '../../docker/api/swarm.ts';
import type { Info as EngineInfo } from '../../docker/engine-api/index.ts';
import { UserInputError } from '../../errors/gateway-error.ts';

/** `inactive` means "not in a swarm"; `active`, `pending`, `locked`, `error` all mean it is, or is joining one. */
export const localSwarmState = (info: EngineInfo): string => info.Swarm?.LocalNodeState || 'inactive';

export async function refuseIfInSwarm(api: EngineApi, who: string, field: string[], hint: string): Promise<EngineInfo> {
  const info = await engineInfo(api);
  const state = localSwarmState(info);
  if (state !== 'inactive') {
    const cluster = info.Swarm?.Cluster?.ID ? ` ${info.Swarm.Cluster.ID}` : '';
    throw new UserInputError([
      { field, code: 'ALREADY_IN_SWARM', message: `${who} is already part of a swarm${cluster} (state ${state}); ${hint}` },
    ]);
  }
  return info;
}
