// serviceUpdate's `planHash`: the caller planned this change (servicePlan) and wants it made
// only if the plan still holds. The hash covers the service's ID, its version and the final
// spec, so a service changed since (a new version) or a spec built differently now (the input
// or the policy) is PLAN_STALE, with nothing sent.
import type { Service as EngineService, ServiceSpec } from '../../docker/engine-api/index.ts';
import { servicePlanHash } from '../../docker/rollout/plan-hash.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';

export function planHashErrors(planHash: string | null | undefined, current: EngineService, spec: ServiceSpec): UserErrorInit[] {
  if (planHash === null || planHash === undefined) return [];
  if (planHash === servicePlanHash(current.ID, current.Version.Index, spec)) return [];
  return [userError(['input', 'planHash'], 'PLAN_STALE', 'The service or the spec the update would send changed since the plan: nothing was sent. Plan again (servicePlan) and review the new plan.')];
}
