// `networkPrune` (`docker network prune [--filter label=...]`) through the cluster's
// manager: removes the swarm's unused networks and that manager's unused local ones.
import type { MutationResolvers, NetworkPrunePayload } from '../../generated/graphql.ts';
import { pruneNetworks } from '../../docker/api/networks.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';

/** A label selector: a key (letters, digits, `.`, `-`, `_`, `/`), optionally `=value`. */
const LABEL_SELECTOR = /^[A-Za-z0-9._\/-]+(=.*)?$/s;

export const networkPrune: MutationResolvers['networkPrune'] = async (_root, { input }, ctx) =>
  runMutation<NetworkPrunePayload>(ctx, { operation: 'networkPrune', cluster: input.cluster, input }, { removed: [] }, async () => {
    const labels = input.label ?? [];
    const errors: UserErrorInit[] = [];
    for (const [i, selector] of labels.entries()) {
      if (!LABEL_SELECTOR.test(selector)) {
        errors.push(userError(['input', 'label', String(i)], 'INVALID_VALUE', `"${selector}" is not a label filter; write key or key=value.`));
      }
    }
    rejectIfAny(errors);
    const loaders = ctx.loaders(input.cluster);
    // The engine answers with names only: the IDs come from the list read just before.
    const idByName = new Map((await loaders.networks()).map((n) => [n.Name, n.Id]));
    const removedNames = await pruneNetworks(loaders.client, labels);
    const removed = [...removedNames].sort().map((name) => ({ id: idByName.get(name) ?? null, name }));
    return { payload: { removed }, objectIds: removedNames };
  });
