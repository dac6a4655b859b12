// swarmInit -> `POST /swarm/init`, as `docker swarm init` (cli/command/swarm/init.go) builds
// it. Checked against the 20.10 CLI's requests: ListenAddr defaults to 0.0.0.0:2377,
// unset addresses and the data path port go as ""/0 (the engine picks), SubnetSize is
// always sent (24 by default), DefaultAddrPool is null unless given, and the Spec carries
// only what the flags set (task history limit, autolock) with zero Raft ticks, which the
// engine replaces with its defaults.
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { at, parseCidr, validateCidr, validateDataPathAddress, validateNodeAddress, cidrsOverlap } from '../../validate/index.ts';
import { checked, type Checked } from './common.ts';
import type { SwarmInitRequest as SwarmInitBody } from '../engine-api/index.ts';

export const DEFAULT_LISTEN_ADDR = '0.0.0.0:2377';
export const DEFAULT_SUBNET_SIZE = 24;
const DATA_PATH_PORT_MIN = 1024;
const DATA_PATH_PORT_MAX = 49151;
const SUBNET_SIZE_MAX = 29;

/** `docker swarm init`'s flags; unset ones take the CLI's defaults. */
export interface SwarmInitOptions {
  advertiseAddr?: string | null | undefined;
  listenAddr?: string | null | undefined;
  dataPathAddr?: string | null | undefined;
  dataPathPort?: number | null | undefined;
  defaultAddrPool?: readonly string[] | null | undefined;
  subnetSize?: number | null | undefined;
  forceNewCluster?: boolean | null | undefined;
  autolock?: boolean | null | undefined;
  taskHistoryLimit?: number | null | undefined;
}

/** The `--task-history-limit` value: a whole number, 0 or more. */
export function taskHistoryLimitErrors(limit: number | null | undefined, field: string[]): UserErrorInit[] {
  if (limit == null || (Number.isInteger(limit) && limit >= 0)) return [];
  return [userError(field, 'INVALID_VALUE', `The task history limit ${limit} is not valid; give a whole number of 0 or more.`)];
}

function addressPoolErrors(pools: readonly string[], subnetSize: number, field: string[]): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  pools.forEach((pool, i) => {
    const poolErrors = validateCidr(pool, at(field, i), 'address pool');
    errors.push(...poolErrors);
    const parsed = parseCidr(pool);
    if (poolErrors.length > 0 || !parsed) return;
    if (subnetSize < parsed[1]) {
      errors.push(userError(at(field, i), 'INVALID_VALUE', `The address pool ${pool} is smaller than the subnet size /${subnetSize}; give a larger pool or a larger subnet size.`));
    }
    const earlier = pools.findIndex((other, j) => j < i && cidrsOverlap(other, pool));
    if (earlier >= 0) errors.push(userError(at(field, i), 'SUBNET_OVERLAP', `The address pool ${pool} overlaps the address pool ${pools[earlier]}; pools must not overlap.`));
  });
  return errors;
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateSwarmInitOptions(input: SwarmInitOptions): UserErrorInit[] {
  const field: string[] = [];
  const errors: UserErrorInit[] = [];
  if (input.advertiseAddr) errors.push(...validateNodeAddress(input.advertiseAddr, at(field, 'advertiseAddr'), 'advertise address'));
  if (input.listenAddr) errors.push(...validateNodeAddress(input.listenAddr, at(field, 'listenAddr'), 'listen address'));
  if (input.dataPathAddr) errors.push(...validateDataPathAddress(input.dataPathAddr, at(field, 'dataPathAddr')));
  const port = input.dataPathPort;
  if (port != null && !(Number.isInteger(port) && port >= DATA_PATH_PORT_MIN && port <= DATA_PATH_PORT_MAX)) {
    errors.push(userError(at(field, 'dataPathPort'), 'INVALID_PORT', `The data path port ${port} is not valid; give a port from ${DATA_PATH_PORT_MIN} to ${DATA_PATH_PORT_MAX} (default 4789).`));
  }
  const size = input.subnetSize ?? DEFAULT_SUBNET_SIZE;
  if (!(Number.isInteger(size) && size >= 1 && size <= SUBNET_SIZE_MAX)) {
    errors.push(userError(at(field, 'subnetSize'), 'INVALID_VALUE', `The subnet size /${size} is not valid; give a prefix length from 1 to ${SUBNET_SIZE_MAX}.`));
  } else {
    errors.push(...addressPoolErrors(input.defaultAddrPool ?? [], size, at(field, 'defaultAddrPool')));
  }
  errors.push(...taskHistoryLimitErrors(input.taskHistoryLimit, at(field, 'taskHistoryLimit')));
  return errors;
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkSwarmInitOptions(options: SwarmInitOptions): Checked<SwarmInitOptions> {
  return checked(options, validateSwarmInitOptions(options));
}

/** The `POST /swarm/init` body. */
export function toSwarmInitBody(input: Checked<SwarmInitOptions>): SwarmInitBody {
  const autolock = input.autolock ?? false;
  return {
    ListenAddr: input.listenAddr || DEFAULT_LISTEN_ADDR,
    AdvertiseAddr: input.advertiseAddr ?? '',
    DataPathAddr: input.dataPathAddr ?? '',
    DataPathPort: input.dataPathPort ?? 0,
    ForceNewCluster: input.forceNewCluster ?? false,
    Spec: {
      Labels: null,
      Orchestration: input.taskHistoryLimit != null ? { TaskHistoryRetentionLimit: input.taskHistoryLimit } : {},
      Raft: { ElectionTick: 0, HeartbeatTick: 0 },
      Dispatcher: {},
      CAConfig: {},
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: autolock },
    },
    AutoLockManagers: autolock,
    Availability: '',
    DefaultAddrPool: input.defaultAddrPool?.length ? [...input.defaultAddrPool] : null,
    SubnetSize: input.subnetSize ?? DEFAULT_SUBNET_SIZE,
  };
}
