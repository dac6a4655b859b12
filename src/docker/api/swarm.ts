// Thin Engine API calls about the swarm itself. Each takes anything that sends Engine
// requests: a cluster's client (with manager failover) or one engine's endpoint.
import type { EngineApi } from '../endpoint.ts';
import type { Info, Swarm, SwarmInitRequest, SwarmJoinRequest, SwarmSpec, UnlockKeyResponse } from '../engine-api/index.ts';

/** Joining and leaving wait for Raft and the CA; they take longer than a read. */
const MEMBERSHIP_TIMEOUT_MS = 90_000;

export const inspectSwarm = (api: EngineApi): Promise<Swarm> => api.request<Swarm>({ method: 'GET', path: '/swarm' });

export const engineInfo = (api: EngineApi): Promise<Info> => api.request<Info>({ method: 'GET', path: '/info' });

/** `POST /swarm/init` with a body from src/docker/mapping/swarm-init.ts; resolves with the new node's ID. */
export const initSwarm = (api: EngineApi, body: SwarmInitRequest): Promise<string> =>
  api.request<string>({ method: 'POST', path: '/swarm/init', body, timeoutMs: MEMBERSHIP_TIMEOUT_MS });

export interface JoinOptions {
  /** The join token: a secret, never logged. */
  joinToken: string;
  remoteAddrs: string[];
  listenAddr?: string | null;
  advertiseAddr?: string | null;
  dataPathAddr?: string | null;
}

/** `POST /swarm/join`, with the body `docker swarm join` sends (listen address default `0.0.0.0:2377`). */
export const joinSwarm = (api: EngineApi, opts: JoinOptions): Promise<void> =>
  api.request<void>({ method: 'POST', path: '/swarm/join', body: joinRequest(opts), timeoutMs: MEMBERSHIP_TIMEOUT_MS });

function joinRequest(opts: JoinOptions): SwarmJoinRequest {
  return {
    ListenAddr: opts.listenAddr || '0.0.0.0:2377',
    AdvertiseAddr: opts.advertiseAddr ?? '',
    DataPathAddr: opts.dataPathAddr ?? '',
    RemoteAddrs: opts.remoteAddrs,
    JoinToken: opts.joinToken,
  };
}

export const leaveSwarm = (api: EngineApi, force: boolean): Promise<void> =>
  api.request<void>({ method: 'POST', path: '/swarm/leave', query: { force }, timeoutMs: MEMBERSHIP_TIMEOUT_MS });

export interface SwarmUpdateFlags {
  rotateWorkerToken?: boolean;
  rotateManagerToken?: boolean;
  rotateManagerUnlockKey?: boolean;
}

/**
 * `POST /swarm/update?version=N` with a whole spec (src/docker/mapping/swarm-update.ts);
 * the Engine refuses a stale version ("update out of sequence").
 */
export const updateSwarm = (api: EngineApi, version: number, spec: SwarmSpec, flags: SwarmUpdateFlags = {}): Promise<void> =>
  api.request<void>({ method: 'POST', path: '/swarm/update', query: { version, ...flags }, body: spec });

/** `GET /swarm/unlockkey`; the key is empty when autolock is off. */
export async function swarmUnlockKey(api: EngineApi): Promise<string> {
  const result = await api.request<UnlockKeyResponse>({ method: 'GET', path: '/swarm/unlockkey' });
  return result.UnlockKey ?? '';
}
