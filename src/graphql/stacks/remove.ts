// stackRemove: `docker stack rm`. The stack's objects are found by the namespace label, read
// whole; a stack the caller can read nothing of is NOT_FOUND (as a missing one); a scoped
// caller is refused the whole removal (nothing removed) when any object of the stack is
// outside its scope. Then, in the CLI's order, services, secrets, configs and networks are
// removed; like the CLI it goes on past a refusal, and a removal that did not complete says
// what was removed and what was not (a userError, audited as failed). No answer from the
// engine (it may have acted) is ENGINE_UNAVAILABLE saying the same, audited as unknown.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { inScope } from '../../auth/access-decision.ts';
import { removeNetwork } from '../../docker/api/networks.ts';
import { removeService } from '../../docker/api/services.ts';
import type { EngineApi } from '../../docker/endpoint.ts';
import { engineDelivery } from '../../docker/engine-errors.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { GatewayError, notFound } from '../../errors/gateway-error.ts';
import { operationScope } from '../access/field-decision.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { CONFIGS, SECRETS } from '../secrets/stored-kinds.ts';
import { labelledObjects, readHoldings, stackHoldings } from './cluster-holdings.ts';
import { stackNameErrors } from './stack-input.ts';

type StackRemovePayloadModel = { removed: { id: string; name: string }[]; userErrors: UserErrorInit[] };

interface Removal {
  kind: 'service' | 'secret' | 'config' | 'network';
  id: string;
  name: string;
  remove: (api: EngineApi, id: string) => Promise<void>;
}

export const stackRemove: MutationResolvers['stackRemove'] = (_root, { input }, ctx) =>
  runMutation<StackRemovePayloadModel>(ctx, { operation: 'stackRemove', cluster: input.cluster, target: input.name, input }, { removed: [] }, async () => {
    rejectIfAny(stackNameErrors(input.name));
    const loaders = ctx.loaders(input.cluster);
    const cluster = loaders.client.name;
    const owned = stackHoldings(input.name, await readHoldings(loaders));
    const objects = labelledObjects(owned);
    const readScope = ctx.authority.readScope(cluster);
    if (!objects.some((o) => inScope(readScope, o.labels))) throw notFound('stack', input.name);
    const scope = operationScope(ctx);
    const outside = objects.filter((o) => !inScope(scope, o.labels));
    if (outside.length) {
      rejectIfAny([userError(['input', 'name'], 'IN_USE', `The stack "${input.name}" holds ${outside.length} object(s) outside your grants' label scope; nothing was removed. Ask whoever manages them.`)]);
    }
    // docker/cli runRemove: services, secrets, configs, networks (a network goes last: its services' tasks leave it first).
    const removals: Removal[] = [
      ...owned.services.map((s) => ({ kind: 'service' as const, id: s.ID, name: s.Spec.Name ?? s.ID, remove: removeService })),
      ...owned.secrets.map((s) => ({ kind: 'secret' as const, id: s.ID, name: s.Spec.Name, remove: SECRETS.api.remove })),
      ...owned.configs.map((c) => ({ kind: 'config' as const, id: c.ID, name: c.Spec.Name, remove: CONFIGS.api.remove })),
      ...owned.networks.map((n) => ({ kind: 'network' as const, id: n.Id, name: n.Name, remove: removeNetwork })),
    ];
    const removed: { id: string; name: string }[] = [];
    const failed: { removal: Removal; err: unknown }[] = [];
    for (const [i, r] of removals.entries()) {
      try {
        await r.remove(loaders.client, r.id);
        removed.push({ id: r.id, name: r.name });
      } catch (err) {
        if (engineDelivery(err) === 'maybe') {
          if (removed.length === 0 && failed.length === 0) throw err;
          const left = removals.slice(i + 1).map(describe);
          throw new GatewayError('ENGINE_UNAVAILABLE', `The stack removal got no answer from the engine removing ${describe(r)} (${messageOf(err)}). Removed: ${removed.map((o) => o.name).join(', ') || 'nothing'}. Not attempted: ${left.join(', ') || 'nothing'}.`, { sent: true });
        }
        failed.push({ removal: r, err });
      }
    }
    if (failed.length) {
      if (removed.length === 0 && failed.length === 1) throw failed[0]!.err;
      const why = failed.map((f) => `${describe(f.removal)}: ${messageOf(f.err)}`).join('; ');
      rejectIfAny([userError(['input', 'name'], 'ENGINE_REJECTED', `Some objects of the stack "${input.name}" could not be removed (${why}). Removed: ${removed.map((o) => o.name).join(', ') || 'nothing'}. Remove the stack again once the cause is fixed.`)]);
    }
    return { payload: { removed }, objectIds: removed.map((o) => o.id) };
  });

const describe = (r: Removal) => `${r.kind} "${r.name}"`;
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
