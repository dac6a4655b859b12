// stackDeploy: `docker stack deploy --compose-file`. ONE audited operation (target: the stack's
// name): prepareStack decides and checks everything (the policy over every service, the scope,
// foreign names) and sends nothing; a `planHash` that no longer matches is PLAN_STALE with
// nothing sent; then sendStack sends it in the CLI's order (networks, secrets and configs,
// services, prune). Each created or changed service starts a rollout; `wait` follows them all.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import type { ComposeWarning } from '../../docker/stack/compose-file.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import type { RolloutModel } from '../rollouts/rollout-model.ts';
import { rolloutOptionErrors } from '../services/rollout-options.ts';
import { waitForAll } from '../rollouts/wait-for-all.ts';
import { prepareStack, stackPlanHash } from './prepare.ts';
import { sendStack } from './send-stack.ts';
import type { StackModel } from './stack-model.ts';

type StackDeployPayloadModel = {
  stack: StackModel | null;
  rollouts: RolloutModel[];
  warnings: string[];
  removed: { id: string; name: string }[];
  userErrors: UserErrorInit[];
};

/** The loader's and converter's warnings, worded as the CLI prints them ("Ignoring unsupported options: build"). */
export function renderComposeWarnings(warnings: readonly ComposeWarning[]): string[] {
  return warnings.map((w) => w.message);
}

export const stackDeploy: MutationResolvers['stackDeploy'] = async (_root, { input }, ctx) => {
  const empty = { stack: null, rollouts: [], warnings: [], removed: [] };
  const payload = await runMutation<StackDeployPayloadModel>(ctx, { operation: 'stackDeploy', cluster: input.cluster, target: input.name, input }, empty, async () => {
    rejectIfAny(rolloutOptionErrors(input));
    const prepared = await prepareStack(ctx, input);
    if (input.planHash != null && input.planHash !== stackPlanHash(prepared)) {
      rejectIfAny([userError(['input', 'planHash'], 'PLAN_STALE', 'The stack, the cluster or what the deploy would send changed since the plan: nothing was sent. Plan again (stackPlan) and review the new plan.')]);
    }
    const sent = await sendStack(ctx, prepared, { deadline: input.deadline });
    return {
      payload: {
        stack: { cluster: prepared.loaders.client.name, name: prepared.namespace },
        rollouts: sent.rollouts,
        warnings: [...renderComposeWarnings(prepared.warnings), ...sent.warnings],
        removed: sent.removed,
      },
      objectIds: sent.objectIds,
    };
  });
  return { ...payload, rollouts: await waitForAll(ctx, payload.rollouts, input.wait) };
};
