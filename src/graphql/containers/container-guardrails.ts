// THE seam of the container policy (src/auth/policy/container-*.ts): containerRun calls it
// with the final create body (after mapping, the scope labels stamped) just before the engine
// is asked. Unless the principal holds `Capability.unguarded` on the cluster (an unscoped
// admin), every violation comes back as a GUARDRAIL userError at the input field at fault, and
// nothing is sent. The settings are the service policy's (`guardrails`).
import { containerPolicyViolations } from '../../auth/policy/container-evaluate.ts';
import type { NetworkFacts } from '../../auth/policy/index.ts';
import type { ContainerCreateBody } from '../../docker/engine-api/container-create.ts';
import type { ContainerRunOptions, ResolvedContainerNetwork } from '../../docker/mapping/container-create.ts';
import { userError } from '../../errors/codes.ts';
import type { GatewayContext } from '../context.ts';
import { rejectIfAny } from '../run-mutation.ts';
import { isGuarded } from '../services/guardrails.ts';

export function enforceContainerPolicy(
  ctx: Pick<GatewayContext, 'authority' | 'guardrails'>,
  cluster: string,
  body: ContainerCreateBody,
  options: ContainerRunOptions,
  networks: { resolved: readonly ResolvedContainerNetwork[]; facts: ReadonlyMap<string, NetworkFacts> },
): void {
  if (!isGuarded(ctx.authority, cluster)) return;
  const violations = containerPolicyViolations(body, { settings: ctx.guardrails, network: (ref) => networks.facts.get(ref) ?? null }, options, networks.resolved);
  rejectIfAny(violations.map((v) => userError(v.field, 'GUARDRAIL', v.message)));
}
