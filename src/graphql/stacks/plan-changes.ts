// What a prepared stack deploy would do, object by object, and what the policy did to its
// services: the body of `stackPlan` once prepareStack has decided everything. Each service's
// difference and predicted replacements come from the same rules as servicePlan's (specDiff,
// planTaskChanges over the service's tasks and the nodes), so a stack plan and a service plan
// of the same change cannot disagree. Both sides are compared with the engine's defaults filled
// in (engine-defaults.ts), as prepareStack decides update or unchanged, so the defaults the
// stored spec carries and the converted one leaves out are neither a change nor a replacement.
import type { PolicyFinding, StackChangeAction, StackObjectChange, StackObjectKind } from '../../generated/graphql.ts';
import { specDiff } from '../../docker/rollout/spec-diff.ts';
import { planTaskChanges } from '../../docker/rollout/task-dirty.ts';
import { withEngineDefaults } from './engine-defaults.ts';
import type { PreparedAction, PreparedService, PreparedStack } from './prepared-stack.ts';

const ACTION: Record<PreparedAction, StackChangeAction> = { create: 'CREATE', update: 'UPDATE', unchanged: 'UNCHANGED', remove: 'REMOVE' };

/** Services first, then networks, secrets and configs, each kind by name. */
export async function stackChanges(prepared: PreparedStack): Promise<StackObjectChange[]> {
  const services = await Promise.all(prepared.services.map((s) => serviceChange(prepared, s)));
  const plain = (kind: StackObjectKind, objects: { name: string; action: PreparedAction }[]) =>
    objects.map((o): StackObjectChange => ({ kind, name: o.name, action: ACTION[o.action], specChanges: [], replacesTasks: false, replaced: [] }));
  return [
    ...byName(services),
    ...byName(plain('NETWORK', prepared.networks)),
    ...byName(plain('SECRET', prepared.secrets)),
    ...byName(plain('CONFIG', prepared.configs)),
  ];
}

/**
 * An existing service that would be updated shows its spec difference and the tasks the swarm
 * would replace; a created, unchanged or removed one has neither (a removal stops its tasks, it
 * replaces none). The service's tasks come from the request's loaders: one batched engine call
 * for every service of the stack.
 */
async function serviceChange(prepared: PreparedStack, service: PreparedService): Promise<StackObjectChange> {
  const change: StackObjectChange = { kind: 'SERVICE', name: service.name, action: ACTION[service.action], specChanges: [], replacesTasks: false, replaced: [] };
  const { current, spec } = service;
  if (service.action !== 'update' || !current || !spec) return change;
  const [tasks, nodes] = await Promise.all([prepared.loaders.tasksOfService(current.ID), prepared.loaders.nodes()]);
  const had = { ...current, Spec: withEngineDefaults(current.Spec) };
  const next = withEngineDefaults(spec);
  const { replaced } = planTaskChanges(had, tasks, nodes, next);
  return { ...change, specChanges: specDiff(had.Spec, next), replacesTasks: replaced.length > 0, replaced };
}

/** What the guardrail policy added to each service's spec before it would be sent (the refusals are userErrors, see plan.ts). */
export function policyAdditions(prepared: PreparedStack): PolicyFinding[] {
  return byName(prepared.services).flatMap((s) =>
    s.merged && s.spec
      ? specDiff(s.merged, s.spec).map((c): PolicyFinding => ({
          kind: 'ADDED',
          path: c.path,
          field: null,
          message: `The guardrail policy sets ${c.path} of service ${s.name} to ${c.after ?? 'nothing'} before sending (it was ${c.before ?? 'absent'}).`,
        }))
      : [],
  );
}

function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
