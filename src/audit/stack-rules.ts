// Reconciling stackRemove (`docker stack rm`): it removes every service, secret, config and
// network labelled com.docker.stack.namespace=<name>, and what the stack held at the intent
// is not recorded. So:
// - failed: a complete history shows no removal of a service, network, secret or config
//   since the intent: nothing was removed (a stack that did not exist was NOT_FOUND);
// - succeeded: nothing of the stack is left, and the window's events show a service, network,
//   secret or config named `<name>_...` removed (every stack service is named so; networks,
//   secrets and configs are unless compose gives them a `name:`);
// - unknown otherwise, e.g. objects of the stack are left and something was removed.
// stackDeploy has no rule: it creates and updates, and an update event says nothing of who made it.
import { unknown, type Evidence, type ObjectEvent, type Rule } from './reconcile-evidence.ts';

const KINDS = ['service', 'network', 'secret', 'config'] as const;

export const stackRemoved: Rule = async ({ intent, engine, events, complete }: Evidence) => {
  if (!intent.target) return unknown('the intent names no stack');
  const name = intent.target;
  const left = await engine.stackObjects(intent.cluster, name);
  const removals: ObjectEvent[] = [];
  let whole = true;
  for (const kind of KINDS) {
    removals.push(...(await events(kind)).filter((e) => e.action === 'remove'));
    whole &&= await complete(kind);
  }
  if (removals.length === 0 && whole) {
    return { outcome: 'failed', reason: `the engine's events show no service, network, secret or config removed since the intent${left.length ? `; ${left.length} object(s) of the stack ${name} are still there` : `: the stack ${name} had nothing to remove`}`, objectIds: [] };
  }
  const ofStack = removals.filter((e) => (e.attributes.name ?? '').startsWith(`${name}_`));
  if (left.length === 0 && ofStack.length > 0) {
    return { outcome: 'succeeded', reason: `nothing labelled com.docker.stack.namespace=${name} is left, and the engine's events show ${ofStack.length} of its objects removed after the intent`, objectIds: [...new Set(ofStack.map((e) => e.id))] };
  }
  if (left.length > 0) return unknown(`${left.length} object(s) of the stack ${name} are still there (${left.map((o) => `${o.kind} ${o.name}`).join(', ')}), and objects were removed after the intent: whether by this removal cannot be told`);
  return unknown(`nothing labelled com.docker.stack.namespace=${name} is left, but the engine's events do not show its objects removed after the intent`);
};
