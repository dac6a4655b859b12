// THE permission table: the only place that says who may do what. Every root field of
// schema.graphql (Query, Mutation, Subscription) has a rule here; a field without one is
// refused to everybody (deny by default) and fails the access-matrix test. Rules named
// `Capability.*` are finer permissions checked inside an operation. README's role table
// is generated from this table (`npm run docs:roles`) and a test keeps the two equal.
import type { Role } from '../grants/roles.ts';

/**
 * How a label-scoped grant (e.g. deployer with `team=payments`) applies:
 * - `objects`: allowed, limited to services/networks/tasks/containers whose labels match
 *   (lists are filtered, out-of-scope lookups are NOT_FOUND, creations get the label);
 * - `refused`: the field concerns the whole cluster, so only an unscoped grant allows it;
 * - `unaffected`: the field touches no labelled object; the selector changes nothing.
 */
export type ScopeRule = 'objects' | 'refused' | 'unaffected';

export interface PermissionRule {
  roles: readonly Role[];
  scoped: ScopeRule;
  /** One line for the README's role table. */
  summary: string;
}

const READERS = ['viewer', 'operator', 'deployer', 'admin'] as const;
const OPERATORS = ['operator', 'deployer', 'admin'] as const;
const DEPLOYERS = ['deployer', 'admin'] as const;
const ADMIN = ['admin'] as const;
const AUDITORS = ['auditor', 'admin'] as const;
const EVERYONE = ['viewer', 'operator', 'deployer', 'admin', 'auditor'] as const;

export const PERMISSIONS = {
  'Query.whoami': { roles: EVERYONE, scoped: 'unaffected', summary: 'who the caller is and what it holds' },
  'Query.clusters': { roles: EVERYONE, scoped: 'unaffected', summary: 'the clusters the caller\'s grants cover' },
  'Query.engines': { roles: READERS, scoped: 'refused', summary: 'configured engines' },
  'Query.swarm': { roles: READERS, scoped: 'refused', summary: 'swarm inspect, quorum' },
  'Query.swarmJoinTokens': { roles: ADMIN, scoped: 'refused', summary: 'join tokens (audited)' },
  'Query.swarmUnlockKey': { roles: ADMIN, scoped: 'refused', summary: 'unlock key (audited)' },
  'Query.nodes': { roles: READERS, scoped: 'refused', summary: 'list nodes' },
  'Query.node': { roles: READERS, scoped: 'refused', summary: 'inspect a node' },
  'Query.networks': { roles: READERS, scoped: 'objects', summary: 'list networks' },
  'Query.network': { roles: READERS, scoped: 'objects', summary: 'inspect a network' },
  'Query.secrets': { roles: READERS, scoped: 'objects', summary: 'list secrets (never their data)' },
  'Query.secret': { roles: READERS, scoped: 'objects', summary: 'inspect a secret (never its data)' },
  'Query.configs': { roles: READERS, scoped: 'objects', summary: 'list configs' },
  'Query.config': { roles: READERS, scoped: 'objects', summary: 'inspect a config, its data' },
  'Query.services': { roles: READERS, scoped: 'objects', summary: 'list services' },
  'Query.service': { roles: READERS, scoped: 'objects', summary: 'inspect a service, its logs' },
  'Query.stacks': { roles: READERS, scoped: 'objects', summary: 'list stacks (`docker stack ls`): the stacks with an object the caller may read' },
  'Query.stack': { roles: READERS, scoped: 'objects', summary: 'one stack: its services, networks, secrets, configs and rollouts the caller may read' },
  'Query.stackPlan': { roles: DEPLOYERS, scoped: 'objects', summary: 'plan a stack deploy, changing nothing (the same checks as stackDeploy)' },
  'Query.servicePlan': { roles: OPERATORS, scoped: 'objects', summary: 'plan a service update, changing nothing (the same checks as serviceUpdate)' },
  'Query.tasks': { roles: READERS, scoped: 'objects', summary: 'list tasks' },
  'Query.task': { roles: READERS, scoped: 'objects', summary: 'inspect a task' },
  'Query.rollout': { roles: READERS, scoped: 'objects', summary: 'a rollout by ID, if the caller may read its service' },
  'Query.containers': { roles: READERS, scoped: 'objects', summary: 'list containers\' network attachments' },
  'Query.container': { roles: READERS, scoped: 'objects', summary: 'inspect a container\'s attachments' },
  'Query.containerLogs': { roles: READERS, scoped: 'objects', summary: 'the tail of a container\'s logs (`docker logs --tail`), as service logs are read' },
  'Query.diagnostics': { roles: READERS, scoped: 'refused', summary: 'cluster diagnostics' },
  'Query.auditRecords': { roles: AUDITORS, scoped: 'refused', summary: 'read the audit log (and /audit/export)' },
  'Query.auditVerify': { roles: AUDITORS, scoped: 'refused', summary: 'verify the audit hash chain' },
  'Query.apiTokens': { roles: DEPLOYERS, scoped: 'unaffected', summary: 'list API tokens within the caller\'s own grants' },
  'Query.webhooks': { roles: DEPLOYERS, scoped: 'objects', summary: 'list webhooks (a scoped deployer: those of its own label scope)' },
  'Query.triggers': { roles: DEPLOYERS, scoped: 'objects', summary: 'list the redeploy triggers of services the caller may update (and its own)' },
  'Mutation.swarmInit': { roles: ADMIN, scoped: 'refused', summary: 'swarm init' },
  'Mutation.swarmJoin': { roles: ADMIN, scoped: 'refused', summary: 'swarm join' },
  'Mutation.swarmLeave': { roles: ADMIN, scoped: 'refused', summary: 'swarm leave' },
  'Mutation.swarmUpdate': { roles: ADMIN, scoped: 'refused', summary: 'swarm update' },
  'Mutation.swarmRotateJoinToken': { roles: ADMIN, scoped: 'refused', summary: 'rotate join tokens' },
  'Mutation.nodeUpdate': { roles: ADMIN, scoped: 'refused', summary: 'node availability, labels' },
  'Mutation.nodePromote': { roles: ADMIN, scoped: 'refused', summary: 'promote a node' },
  'Mutation.nodeDemote': { roles: ADMIN, scoped: 'refused', summary: 'demote a node' },
  'Mutation.nodeRemove': { roles: ADMIN, scoped: 'refused', summary: 'remove a node' },
  'Mutation.networkCreate': { roles: DEPLOYERS, scoped: 'objects', summary: 'create an overlay network (ingress: admin only)' },
  'Mutation.networkCreateGatewayBridge': { roles: ADMIN, scoped: 'refused', summary: 'create docker_gwbridge on an engine' },
  'Mutation.networkRemove': { roles: DEPLOYERS, scoped: 'objects', summary: 'remove networks' },
  'Mutation.networkConnect': { roles: OPERATORS, scoped: 'objects', summary: 'connect a container to a network' },
  'Mutation.networkDisconnect': { roles: OPERATORS, scoped: 'objects', summary: 'disconnect a container from a network' },
  'Mutation.containerRun': { roles: DEPLOYERS, scoped: 'objects', summary: 'create and start a standalone container on an engine (`docker run -d`; the container policy unless admin; a scoped grant\'s labels are stamped)' },
  'Mutation.containerStop': { roles: OPERATORS, scoped: 'objects', summary: 'stop a container (`docker stop`)' },
  'Mutation.containerStart': { roles: OPERATORS, scoped: 'objects', summary: 'start a stopped container (`docker start`)' },
  'Mutation.containerRemove': { roles: DEPLOYERS, scoped: 'objects', summary: 'remove a container (`docker rm`)' },
  'Mutation.containerExec': { roles: OPERATORS, scoped: 'objects', summary: 'run a command in a running container (`docker exec`, never interactive or privileged; time limit, bounded output; audited with the command, secrets redacted)' },
  'Mutation.networkPrune': { roles: DEPLOYERS, scoped: 'refused', summary: 'remove unused networks' },
  'Mutation.secretCreate': { roles: DEPLOYERS, scoped: 'objects', summary: 'create a secret (a scoped deployer\'s gets its scope labels)' },
  'Mutation.secretUpdate': { roles: DEPLOYERS, scoped: 'objects', summary: 'change a secret\'s labels' },
  'Mutation.secretRemove': { roles: DEPLOYERS, scoped: 'objects', summary: 'remove a secret no service uses' },
  'Mutation.configCreate': { roles: DEPLOYERS, scoped: 'objects', summary: 'create a config (a scoped deployer\'s gets its scope labels)' },
  'Mutation.configUpdate': { roles: DEPLOYERS, scoped: 'objects', summary: 'change a config\'s labels' },
  'Mutation.configRemove': { roles: DEPLOYERS, scoped: 'objects', summary: 'remove a config no service uses' },
  'Mutation.stackDeploy': { roles: DEPLOYERS, scoped: 'objects', summary: 'deploy a stack from a compose file (`docker stack deploy`); the policy checks every service first; a scoped grant labels every object' },
  'Mutation.stackRemove': { roles: DEPLOYERS, scoped: 'objects', summary: 'remove a stack (`docker stack rm`); refused if it holds an object outside the scope' },
  'Mutation.secretRotate': { roles: DEPLOYERS, scoped: 'objects', summary: 'new data for a secret: a new version, its services moved to it (each a rollout), the old one removed; refused if a service outside the scope uses it' },
  'Mutation.configRotate': { roles: DEPLOYERS, scoped: 'objects', summary: 'new data for a config: a new version, its services moved to it (each a rollout), the old one removed; refused if a service outside the scope uses it' },
  'Mutation.serviceCreate': { roles: DEPLOYERS, scoped: 'objects', summary: 'create a service (guardrails unless admin)' },
  'Mutation.serviceUpdate': { roles: OPERATORS, scoped: 'objects', summary: 'update a service (operator: image, env, replicas and force only)' },
  'Mutation.serviceScale': { roles: OPERATORS, scoped: 'objects', summary: 'scale a service' },
  'Mutation.serviceRollback': { roles: OPERATORS, scoped: 'objects', summary: 'roll a service back' },
  'Mutation.serviceRemove': { roles: DEPLOYERS, scoped: 'objects', summary: 'remove a service' },
  'Mutation.apiTokenCreate': { roles: DEPLOYERS, scoped: 'unaffected', summary: 'create an API token within the caller\'s own grants (a team deployer: its team\'s bots), expiring no later than an API token creating it' },
  'Mutation.apiTokenRevoke': { roles: DEPLOYERS, scoped: 'unaffected', summary: 'revoke an API token within the caller\'s own grants, and every token it created' },
  'Mutation.webhookCreate': { roles: DEPLOYERS, scoped: 'objects', summary: 'register a webhook on an allow-listed host (a scoped deployer\'s gets its label scope and hears only of it)' },
  'Mutation.webhookUpdate': { roles: DEPLOYERS, scoped: 'objects', summary: 'change a webhook the caller manages (its own label scope, or any when unscoped)' },
  'Mutation.webhookRemove': { roles: DEPLOYERS, scoped: 'objects', summary: 'remove a webhook the caller manages, with its deliveries' },
  'Mutation.triggerCreate': { roles: DEPLOYERS, scoped: 'objects', summary: 'make a redeploy trigger for a service in scope; it fires as its creator, with the creator\'s grants on that cluster' },
  'Mutation.triggerRemove': { roles: DEPLOYERS, scoped: 'objects', summary: 'remove a redeploy trigger of a service in scope (or one the caller made)' },
  'Subscription.rolloutUpdated': { roles: READERS, scoped: 'objects', summary: 'stream a rollout\'s changes to its conclusion, if the caller may read its service' },
  'Subscription.events': { roles: READERS, scoped: 'objects', summary: 'stream swarm events (label-scoped: only events about objects in scope, allow-listed attributes, no node events)' },
  'Capability.read': { roles: READERS, scoped: 'objects', summary: 'the read scope: which services, networks, tasks and containers lists, lookups and nested fields show (and a mutation looks up)' },
  'Capability.ingress': { roles: ADMIN, scoped: 'refused', summary: 'create or remove the ingress network (networkCreate, networkRemove)' },
  'Capability.serviceSpec': { roles: DEPLOYERS, scoped: 'objects', summary: 'serviceUpdate beyond image, env, replicas and force (ports, networks, labels, ...)' },
  'Capability.unguarded': { roles: ADMIN, scoped: 'refused', summary: 'service specs skip the guardrails (an unscoped admin only: a team admin is guarded)' },
  'Capability.secretValues': { roles: ADMIN, scoped: 'refused', summary: 'read secret-looking env values (DB_PASSWORD=...) in clear; everyone else gets [redacted]' },
  'Capability.endpoints': { roles: ADMIN, scoped: 'refused', summary: 'see endpoint URLs and socket paths in clusters and engines' },
  'Capability.auditExport': { roles: AUDITORS, scoped: 'refused', summary: 'GET /audit/export' },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export function ruleFor(permission: string): PermissionRule | undefined {
  return (PERMISSIONS as Record<string, PermissionRule>)[permission];
}
