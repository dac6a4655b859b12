// Who may list and remove a trigger: whoever may update its service now (the service is in
// the caller's label scope for that operation on the trigger's cluster), and its creator.
// A trigger whose service is gone has no labels to judge: an unscoped caller and its creator
// still see it, so it can be cleaned up. Everyone else gets NOT_FOUND, as if it did not exist.
import type { Scope } from '../../auth/access-decision.ts';
import { inScope } from '../../auth/access-decision.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Service as EngineService } from '../../docker/engine-api/index.ts';
import type { TriggerRow } from '../../triggers/index.ts';

export function mayManageTrigger(principal: Principal, scope: Scope, row: TriggerRow, service: EngineService | null): boolean {
  if (row.createdBy === principal.id && principal.id !== 'anonymous') return true;
  if (scope.all) return true;
  return service !== null && inScope(scope, service.Spec.Labels);
}
