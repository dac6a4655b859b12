// stackPlan: what stackDeploy would do with an input, changing nothing. It runs the deploy's
// own preparation (prepareStack: the compose file, the cluster's state of the stack, the merge,
// the scope's labels and the policy over every service) against the engine, stops before
// sending, and shows each object's action, each updated service's spec difference and the
// tasks the swarm would replace (plan-changes.ts), and the hash stackDeploy checks.
// A read that changes nothing and discloses no more than `stack` does: not audited.
import type { QueryResolvers, ResolversParentTypes, StackDeployInput } from '../../generated/graphql.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import type { GatewayContext } from '../context.ts';
import { inputUserErrors } from '../run-mutation.ts';
import { renderComposeWarnings } from './deploy.ts';
import { policyAdditions, stackChanges } from './plan-changes.ts';
import { prepareStack, stackPlanHash } from './prepare.ts';
import type { PreparedStack } from './prepared-stack.ts';
import type { StackModel } from './stack-model.ts';
import { readableStacks } from './stack-objects.ts';

type PlanAnswer = ResolversParentTypes['StackPlan'];

/** What the plan is made from; the resolver uses the deploy's own, a test may give others. */
export interface StackPlanSteps {
  prepare(ctx: GatewayContext, input: StackDeployInput): Promise<PreparedStack>;
  hash(prepared: PreparedStack): string;
}

type StackPlanResolver = (root: unknown, args: { input: StackDeployInput }, ctx: GatewayContext, info?: unknown) => Promise<PlanAnswer>;

export function stackPlanResolver(steps: StackPlanSteps): StackPlanResolver {
  return async (_root, { input }, ctx) => {
    // Planned against the engine, as the deploy checks: a watched copy that lags would give
    // a hash the deploy then finds stale.
    ctx.loaders(input.cluster).readEngine();
    try {
      return await plan(ctx, steps, input);
    } catch (err) {
      const userErrors = inputUserErrors(err, input);
      if (userErrors === null) throw err;
      return refusedPlan(userErrors);
    }
  };
}

export const stackPlan: QueryResolvers['stackPlan'] = stackPlanResolver({ prepare: prepareStack, hash: stackPlanHash });

async function plan(ctx: GatewayContext, steps: StackPlanSteps, input: StackDeployInput): Promise<PlanAnswer> {
  const prepared = await steps.prepare(ctx, input);
  const cluster = prepared.loaders.client.name;
  const [changes, stacks] = await Promise.all([stackChanges(prepared), readableStacks(ctx, cluster)]);
  const stack: StackModel | null = stacks.has(prepared.namespace) ? { cluster, name: prepared.namespace } : null;
  return {
    stack,
    changes,
    policy: policyAdditions(prepared),
    warnings: renderComposeWarnings(prepared.warnings),
    planHash: steps.hash(prepared),
    userErrors: [],
  };
}

/** The answer when stackDeploy would refuse the input: its userErrors, the policy's refusals among them as findings, nothing else. */
function refusedPlan(userErrors: UserErrorInit[]): PlanAnswer {
  const refused = userErrors.filter((e) => e.code === 'GUARDRAIL').map((e) => ({ kind: 'REFUSED' as const, path: null, field: e.field, message: e.message }));
  return { stack: null, changes: [], policy: refused, warnings: [], planHash: '', userErrors };
}
