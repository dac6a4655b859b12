// The swarm's own UpdateStatus, read for this change only. A service keeps the UpdateStatus of
// its last rolling update until the next one starts, so one whose StartedAt equals the value
// from before the gateway's change belongs to an earlier update and says nothing about this one.
import type { Service } from '../engine-api/index.ts';

export interface CurrentUpdate {
  state: string;
  message: string | null;
}

export function currentUpdate(service: Service, startedBefore: string | null): CurrentUpdate | null {
  const u = service.UpdateStatus;
  if (!u?.State) return null;
  if (!u.StartedAt || u.StartedAt === startedBefore) return null;
  return { state: u.State, message: u.Message || null };
}

export const isRollbackState = (state: string | undefined) => state !== undefined && state.startsWith('rollback_');
