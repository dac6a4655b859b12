// Everything stackDeploy decides before it sends anything, shared with stackPlan, so a plan and
// the deploy that follows it cannot judge the same input differently:
// 1. the name and the variables; the compose file loaded and converted (its problems at
//    `input.compose...`);
// 2. what the cluster holds, read whole: the stack's own objects (namespace label) and every
//    name; a name the stack would create that a foreign object holds is NAME_CONFLICT (never
//    adopted); a scoped caller is refused the whole stack when any of its objects is outside
//    the scope; external networks, secrets and configs must exist within the caller's scope;
// 3. every object the stack would create or update carries the scope's labels (stamped);
// 4. each service merged onto the running one as the CLI does, its networks and references
//    resolved to IDs (a network or secret still to be created keeps its name: the deploy fills
//    the ID in once it exists, and the policy is told what it will be);
// 5. the policy over EVERY service's final spec, all refusals of all services gathered before
//    anything is refused, so one bad service refuses the whole stack with nothing sent.
import type { StackDeployInput } from '../../generated/graphql.ts';
import type { Config, ConfigSpec, FileReference, Network, Secret, SecretSpec, ServiceSpec } from '../../docker/engine-api/index.ts';
import type { NetworkFacts } from '../../auth/policy/index.ts';
import { inScope, type Scope } from '../../auth/access-decision.ts';
import { loadCompose } from '../../docker/stack/compose/load.ts';
import { convertStack } from '../../docker/stack/convert/index.ts';
import type { StackFileObject, StackNetwork, StackResources, StackService } from '../../docker/stack/stack-resources.ts';
import { jsonDigest } from '../../docker/rollout/canonical-json.ts';
import { specDiff } from '../../docker/rollout/spec-diff.ts';
import type { ComposeWarning } from '../../docker/stack/compose-file.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { operationScope } from '../access/field-decision.ts';
import { stampScopeLabels } from '../access/scope-checks.ts';
import type { GatewayContext } from '../context.ts';
import { rejectIfAny } from '../run-mutation.ts';
import { enforcePolicy } from '../services/guardrails.ts';
import { labelledObjects, ownedBy, readHoldings, stackHoldings, type ClusterHoldings } from './cluster-holdings.ts';
import { serviceSpecChanges } from './engine-defaults.ts';
import { mergeStackService } from './merge-service.ts';
import type { PreparedFileObject, PreparedNetwork, PreparedService, PreparedStack } from './prepared-stack.ts';
import { atComposePaths, stackNameErrors, stackVariables } from './stack-input.ts';

/** The compose file as engine bodies: the loader and the converter (a seam for unit tests). */
export type StackConversion = (namespace: string, compose: string, variables: Readonly<Record<string, string>>) => { resources: StackResources; warnings: ComposeWarning[] };

export const convertComposeText: StackConversion = (namespace, compose, variables) => {
  const loaded = atComposePaths(() => loadCompose(compose, variables));
  const converted = atComposePaths(() => convertStack(namespace, loaded.file));
  return { resources: converted.resources, warnings: [...loaded.warnings, ...converted.warnings] };
};

/** The conversion stackDeploy and stackPlan use; unit tests of the deploy logic may put a stub here (and restore it). */
export const stackConversion: { convert: StackConversion } = { convert: convertComposeText };

const at = (...path: string[]) => ['input', 'compose', ...path];

/**
 * Loads and converts the compose file, reads what the cluster holds of the stack, merges, stamps
 * the scope's labels and runs the policy over every service's final spec. Throws
 * UserInputError (userErrors at `['input', 'compose', ...]`) for what the deploy would refuse;
 * sends nothing.
 */
export async function prepareStack(ctx: GatewayContext, input: StackDeployInput, convert: StackConversion = stackConversion.convert): Promise<PreparedStack> {
  const { variables, errors: variableErrors } = stackVariables(input);
  rejectIfAny([...stackNameErrors(input.name), ...variableErrors]);
  const { resources, warnings } = convert(input.name, input.compose, variables);
  const namespace = input.name;
  const loaders = ctx.loaders(input.cluster);
  const cluster = loaders.client.name;
  const scope = operationScope(ctx);
  const readScope = ctx.authority.readScope(cluster);
  const all = await readHoldings(loaders);
  const owned = stackHoldings(namespace, all);
  refuseOutsideScope(namespace, owned, scope);

  const errors: UserErrorInit[] = [];
  const collect = <T>(step: () => T): T | null => {
    try {
      return step();
    } catch (err) {
      if (err instanceof UserInputError) return errors.push(...err.userErrors), null;
      throw err;
    }
  };
  const networks = resources.networks.map((n) => prepareNetwork(namespace, n, all, scope, errors, collect));
  const secrets = resources.secrets.map((s) => prepareFileObject('secrets', namespace, s, all.secrets, readScope, scope, errors, collect));
  const configs = resources.configs.map((c) => prepareFileObject('configs', namespace, c, all.configs, readScope, scope, errors, collect));
  const pendingNetworks = new Map<string, NetworkFacts>(networks.filter((n) => n.action === 'create' && n.create).map((n) => [n.name, { name: n.name, driver: n.create!.Driver || 'overlay' }]));

  const services: PreparedService[] = [];
  for (const s of [...resources.services].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const prepared = await prepareService(ctx, s, { namespace, all, networks, secrets, configs, scope, pendingNetworks, errors, collect, loaders });
    if (prepared) services.push(prepared);
  }
  rejectIfAny(errors);
  const named = new Set(resources.services.map((s) => s.name));
  const pruned: PreparedService[] = input.prune
    ? owned.services.filter((s) => !named.has(s.Spec.Name ?? '')).map((s) => ({ key: s.Spec.Name ?? s.ID, name: s.Spec.Name ?? s.ID, action: 'remove', current: s, merged: null, spec: null }))
    : [];
  return { loaders, namespace, warnings, networks, secrets, configs, services: [...services, ...pruned] };
}

/** A scoped caller may deploy a stack only when it reaches every object the stack already has: it could not see the rest, and the deploy would change or remove it. */
function refuseOutsideScope(namespace: string, owned: ClusterHoldings, scope: Scope): void {
  if (scope.all) return;
  const outside = labelledObjects(owned).filter((o) => !inScope(scope, o.labels));
  if (!outside.length) return;
  rejectIfAny([
    userError(['input', 'name'], 'IN_USE', `The stack "${namespace}" holds ${outside.length} object(s) outside your grants' label scope; nothing was changed. Ask whoever manages them, or deploy under another stack name.`),
  ]);
}

type Collect = <T>(step: () => T) => T | null;

function prepareNetwork(namespace: string, n: StackNetwork, all: ClusterHoldings, scope: Scope, errors: UserErrorInit[], collect: Collect): PreparedNetwork {
  const field = at('networks', n.key);
  const current = all.networks.find((x) => x.Name === n.name) ?? null;
  if (n.external) {
    const reachable = current && inScope(scope, current.Labels) ? current : null;
    if (!reachable) {
      errors.push(userError(field, 'REFERENCE_NOT_FOUND', `The network "${n.name}" is declared as external, but could not be found. Create a swarm-scoped network before the stack is deployed.`));
    } else if (reachable.Scope !== 'swarm') {
      errors.push(userError(field, 'INVALID_VALUE', `The network "${n.name}" is declared as external, but it is not in the right scope: "${reachable.Scope}" instead of "swarm".`));
    }
    return { key: n.key, name: n.name, action: 'unchanged', external: true, create: null, current: reachable };
  }
  if (current && !ownedBy(namespace, current.Labels)) {
    errors.push(userError(field, 'NAME_CONFLICT', `A network named "${n.name}" exists and is not part of the stack "${namespace}"; the stack does not take over objects it did not create. Rename the network in the file (name:) or remove the other one.`));
    return { key: n.key, name: n.name, action: 'unchanged', external: false, create: null, current: null };
  }
  // The CLI never updates a network: one the stack has is used as it is.
  if (current) return { key: n.key, name: n.name, action: 'unchanged', external: false, create: null, current };
  const body = n.create ? { ...n.create, Labels: collect(() => stampScopeLabels(scope, n.create!.Labels, [...field, 'labels'])) ?? n.create.Labels } : null;
  return { key: n.key, name: n.name, action: 'create', external: false, create: body, current: null };
}

function prepareFileObject<Spec extends SecretSpec | ConfigSpec, Current extends Secret | Config>(
  kind: 'secrets' | 'configs',
  namespace: string,
  o: StackFileObject<Spec>,
  existing: Current[],
  readScope: Scope,
  scope: Scope,
  errors: UserErrorInit[],
  collect: Collect,
): PreparedFileObject<Spec, Current> {
  const field = at(kind, o.key);
  const label = kind === 'secrets' ? 'secret' : 'config';
  const current = existing.find((x) => x.Spec.Name === o.name) ?? null;
  if (o.external) {
    const readable = current && inScope(readScope, current.Spec.Labels) ? current : null;
    if (!readable) errors.push(userError(field, 'REFERENCE_NOT_FOUND', `The ${label} "${o.name}" is declared as external, but could not be found.`));
    return { key: o.key, name: o.name, action: 'unchanged', external: true, spec: null, current: readable };
  }
  if (current && !ownedBy(namespace, current.Spec.Labels)) {
    errors.push(userError(field, 'NAME_CONFLICT', `A ${label} named "${o.name}" exists and is not part of the stack "${namespace}"; the stack does not take over objects it did not create. Rename it in the file (name:) or declare it external.`));
    return { key: o.key, name: o.name, action: 'unchanged', external: false, spec: null, current: null };
  }
  if (!o.spec) return { key: o.key, name: o.name, action: 'unchanged', external: false, spec: null, current };
  const labels = collect(() => stampScopeLabels(scope, o.spec!.Labels, [...field, 'labels'])) ?? o.spec.Labels ?? {};
  const spec = { ...o.spec, Labels: labels };
  if (!current) return { key: o.key, name: o.name, action: 'create', external: false, spec, current: null };
  if (kind === 'configs') {
    // A config's data is read back: a change swarmkit would refuse is refused here, before anything is sent.
    if ((current.Spec as ConfigSpec).Data !== undefined && spec.Data !== (current.Spec as ConfigSpec).Data) {
      errors.push(userError(field, 'INVALID_VALUE', `The config "${o.name}" exists with other data, and swarmkit cannot change a config's data. Use configRotate, or give the config a new name in the file (name:).`));
    }
    const sameLabels = specDiff(current.Spec.Labels ?? {}, labels).length === 0;
    return { key: o.key, name: o.name, action: sameLabels ? 'unchanged' : 'update', external: false, spec, current };
  }
  // A secret's data is never read back: the update carries it and the engine refuses a change (deploy.ts says so).
  return { key: o.key, name: o.name, action: 'update', external: false, spec, current };
}

interface ServiceContext {
  namespace: string;
  all: ClusterHoldings;
  networks: PreparedNetwork[];
  secrets: PreparedFileObject<SecretSpec, Secret>[];
  configs: PreparedFileObject<ConfigSpec, Config>[];
  scope: Scope;
  pendingNetworks: ReadonlyMap<string, NetworkFacts>;
  errors: UserErrorInit[];
  collect: Collect;
  loaders: PreparedStack['loaders'];
}

async function prepareService(ctx: GatewayContext, s: StackService, c: ServiceContext): Promise<PreparedService | null> {
  const field = at('services', s.key);
  const current = c.all.services.find((x) => x.Spec.Name === s.name) ?? null;
  if (current && !ownedBy(c.namespace, current.Spec.Labels)) {
    c.errors.push(userError(field, 'NAME_CONFLICT', `A service named "${s.name}" exists and is not part of the stack "${c.namespace}"; the stack does not take over objects it did not create.`));
    return null;
  }
  const merged = mergeStackService(s.spec, current);
  merged.Labels = c.collect(() => stampScopeLabels(c.scope, merged.Labels, [...field, 'deploy', 'labels'])) ?? merged.Labels;
  const before = c.errors.length;
  resolveNetworks(merged, c, field);
  resolveReferences(merged, c, field);
  if (c.errors.length > before) return null;
  let spec: ServiceSpec;
  try {
    spec = await enforcePolicy(ctx, c.loaders, merged, { stack: { key: s.key, name: s.name }, pendingNetworks: c.pendingNetworks });
  } catch (err) {
    if (err instanceof UserInputError) return c.errors.push(...err.userErrors), null;
    throw err;
  }
  const action = current === null ? 'create' : serviceSpecChanges(current.Spec, spec).length > 0 ? 'update' : 'unchanged';
  return { key: s.key, name: s.name, action, current, merged, spec };
}

/** Attachments name networks by engine name: an existing one's ID, or the name of one the deploy creates first. */
function resolveNetworks(spec: ServiceSpec, c: ServiceContext, field: string[]): void {
  for (const attachment of spec.TaskTemplate.Networks ?? []) {
    const network = c.networks.find((n) => n.name === attachment.Target);
    if (!network) {
      c.errors.push(userError([...field, 'networks'], 'REFERENCE_NOT_FOUND', `The service "${field.at(-1)}" is on the network "${attachment.Target}", which the file does not declare.`));
    } else if (network.current) {
      attachment.Target = network.current.Id;
    }
  }
}

/** Secret and config references carry names: an existing object's ID is filled in; one to be created gets it at deploy. */
function resolveReferences(spec: ServiceSpec, c: ServiceContext, field: string[]): void {
  const cs = spec.TaskTemplate.ContainerSpec;
  if (!cs) return;
  const fill = (refs: FileReference[] | null | undefined, kind: 'secrets' | 'configs') => {
    for (const ref of refs ?? []) {
      const name = kind === 'secrets' ? ref.SecretName : ref.ConfigName;
      const objects: PreparedFileObject<SecretSpec | ConfigSpec, Secret | Config>[] = kind === 'secrets' ? c.secrets : c.configs;
      const object = objects.find((o) => o.name === name);
      if (!object) {
        c.errors.push(userError([...field, kind], 'REFERENCE_NOT_FOUND', `The ${kind === 'secrets' ? 'secret' : 'config'} "${name}" is not declared in the file's top-level ${kind}.`));
      } else if (object.current) {
        if (kind === 'secrets') ref.SecretID = object.current.ID;
        else ref.ConfigID = object.current.ID;
      }
    }
  };
  fill(cs.Secrets, 'secrets');
  fill(cs.Configs, 'configs');
}

/**
 * The plan hash over what would be sent and the versions of what it was planned against
 * (stackPlan returns it; stackDeploy checks it): every body (network create, secret and config
 * specs, service specs), each object's action, and the ID and version of every existing
 * object it was planned against, in the prepared (stable) order.
 */
export function stackPlanHash(prepared: PreparedStack): string {
  const version = (o: { ID: string; Version?: { Index: number } } | null) => (o ? { id: o.ID, version: o.Version?.Index ?? null } : null);
  const network = (n: Network | null) => (n ? { id: n.Id, created: n.Created ?? null } : null);
  return jsonDigest({
    namespace: prepared.namespace,
    networks: prepared.networks.map((n) => ({ name: n.name, action: n.action, body: n.create, against: network(n.current) })),
    secrets: prepared.secrets.map((s) => ({ name: s.name, action: s.action, body: s.spec, against: version(s.current) })),
    configs: prepared.configs.map((s) => ({ name: s.name, action: s.action, body: s.spec, against: version(s.current) })),
    services: prepared.services.map((s) => ({ name: s.name, action: s.action, body: s.spec, against: version(s.current) })),
  });
}
