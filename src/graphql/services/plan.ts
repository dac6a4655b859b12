// servicePlan: what serviceUpdate would do with an input, changing nothing. It runs
// serviceUpdate's own preparation (prepareServiceUpdate: the checks, the scope, the merge and
// the policy) against the engine's current state, and stops before sending; then it compares
// the final spec with the service's (the spec difference), asks the rollout rules which tasks
// the swarm would replace (src/docker/rollout/task-dirty.ts), and hashes what it would send.
// A read that changes nothing and discloses no more than `service` does: not audited.
import type { QueryResolvers, ResolversParentTypes, ServiceUpdateInput } from '../../generated/graphql.ts';
import type { Service as EngineService } from '../../docker/engine-api/index.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import { servicePlanHash } from '../../docker/rollout/plan-hash.ts';
import { rolloutKindOf } from '../../docker/rollout/rollout-kind.ts';
import { specDiff } from '../../docker/rollout/spec-diff.ts';
import { planTaskChanges } from '../../docker/rollout/task-dirty.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import type { GatewayContext } from '../context.ts';
import { inputUserErrors } from '../run-mutation.ts';
import { prepareServiceUpdate } from './update.ts';

type PlanAnswer = ResolversParentTypes['ServicePlan'];

export const servicePlan: QueryResolvers['servicePlan'] = async (_root, { input }, ctx) => {
  // Planned against the engine, as the mutation checks: a watched copy that lags would give
  // a hash the update then finds stale.
  ctx.loaders(input.cluster).readEngine();
  const seen: { current?: EngineService } = {};
  try {
    return await plan(ctx, input, seen);
  } catch (err) {
    const userErrors = inputUserErrors(err, input);
    if (userErrors === null) throw err;
    return refusedPlan(ctx, input, seen.current ?? null, userErrors);
  }
};

async function plan(ctx: GatewayContext, input: ServiceUpdateInput, seen: { current?: EngineService }): Promise<PlanAnswer> {
  const { loaders, current, merged, spec } = await prepareServiceUpdate(ctx, input, seen);
  const [tasks, nodes] = await Promise.all([loaders.tasksOfService(current.ID), loaders.nodes()]);
  const tasksPlan = planTaskChanges(current, tasks, nodes, spec);
  const added = specDiff(merged, spec).map((c) => ({
    kind: 'ADDED' as const,
    path: c.path,
    field: null,
    message: `The guardrail policy sets ${c.path} to ${c.after ?? 'nothing'} before sending (it was ${c.before ?? 'absent'}).`,
  }));
  return {
    service: toServiceModel(loaders.client.name, current),
    changes: specDiff(current.Spec, spec),
    replacesTasks: tasksPlan.replaced.length > 0,
    replaced: tasksPlan.replaced,
    added: tasksPlan.added,
    removed: tasksPlan.removed,
    rolloutKind: rolloutKindOf(current.Spec, spec),
    policy: added,
    planHash: servicePlanHash(current.ID, current.Version.Index, spec),
    userErrors: [],
  };
}

/** The answer when serviceUpdate would refuse the input: its userErrors, the policy's refusals among them as findings. */
function refusedPlan(ctx: GatewayContext, input: ServiceUpdateInput, current: EngineService | null, userErrors: UserErrorInit[]): PlanAnswer {
  const refused = userErrors.filter((e) => e.code === 'GUARDRAIL').map((e) => ({ kind: 'REFUSED' as const, path: null, field: e.field, message: e.message }));
  return {
    service: current ? toServiceModel(ctx.loaders(input.cluster).client.name, current) : null,
    changes: [],
    replacesTasks: false,
    replaced: [],
    added: 0,
    removed: 0,
    rolloutKind: null,
    policy: refused,
    planHash: '',
    userErrors,
  };
}
