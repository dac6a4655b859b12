// PLACEHOLDER (lead): helper `sd` replaces this file. The contract both stackDeploy and
// stackPlan build on: everything decided and checked, nothing sent.
import type { StackDeployInput } from '../../generated/graphql.ts';
import type { GatewayContext } from '../context.ts';
import type { PreparedStack } from './prepared-stack.ts';

/**
 * Loads and converts the compose file, reads what the cluster holds of the stack, merges, stamps
 * the scope's labels and runs the policy over every service's final spec. Throws
 * InvalidOptionsError / UserInputError (userErrors at `['input', 'compose', ...]`) for what the
 * deploy would refuse; sends nothing.
 */
export async function prepareStack(ctx: GatewayContext, input: StackDeployInput): Promise<PreparedStack> {
  void ctx; void input;
  throw new Error('prepareStack is not built yet');
}

/** The plan hash over what would be sent and the versions of what it was planned against (stackPlan returns it; stackDeploy checks it). */
export function stackPlanHash(prepared: PreparedStack): string {
  void prepared;
  throw new Error('stackPlanHash is not built yet');
}
