// What every resolver receives. Built once per request by the HTTP layer; the field guard
// hands each root field's resolver a shallow copy carrying that field's decision.
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { DEFAULT_SECRET_NAME_PATTERNS } from '../audit/redact.ts';
import type { AuthSettings, GuardrailSettings } from '../config/access-config.ts';
import { inScope, type AllowedDecision } from '../auth/access-decision.ts';
import { authorityOf, type Authority } from '../auth/authority.ts';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/client.ts';
import { ClusterLoaders } from '../docker/loaders.ts';
import type { EngineRegistry } from '../docker/registry.ts';
import type { Rollouts } from '../rollouts/rollouts.ts';
import { webhooksSchema } from '../config/config.ts';
import { Webhooks } from '../webhooks/webhooks.ts';

export interface GatewayContext {
  requestId: string;
  registry: EngineRegistry;
  /** The caller and every access question about it (permissions, capabilities, read scope). */
  authority: Authority;
  /**
   * The decision that let the root field being resolved run: set by the field guard
   * (access/guard-root-fields.ts) on the context it hands that field's resolver, so
   * runMutation records its grant and label-scoped operations read its scope
   * (access/field-decision.ts). Null on the request's own context, which nested fields
   * get: they need only the authority's read scope and capabilities.
   */
  decision: AllowedDecision | null;
  audit: AuditWriter;
  /** The audit log's database; null when the gateway runs without one (tests of the API alone). */
  database: Database | null;
  /** The rollout trackers (src/rollouts): every service change's rollout is started and read here. */
  rollouts: Rollouts;
  /** Outgoing webhooks (src/webhooks): the URL allow-list, and where serviceRemove reports a removal. */
  webhooks: Webhooks;
  logger: Logger;
  userAgent: string | undefined;
  /** The guardrails on service specs from non-admins (config `guardrails`). */
  guardrails: GuardrailSettings;
  /** Authentication settings (config `auth`): the API-token lifetime cap. */
  auth: AuthSettings;
  /** Env names whose values are secret (`audit.secretEnvNamePatterns` or the defaults): masked in responses below an unscoped admin. */
  secretNamePatterns: readonly RegExp[];
  /**
   * Per-request loaders of a cluster (the default one when `cluster` is null). They show
   * only what the principal may read there: label-scoped grants filter services,
   * networks and tasks here, so lists and lookups agree (out of scope = NOT_FOUND).
   */
  loaders(cluster?: string | null): ClusterLoaders;
}

export interface ContextDeps {
  registry: EngineRegistry;
  guardrails: GuardrailSettings;
  auth: AuthSettings;
  /** Default: the audit log's default patterns. */
  secretNamePatterns?: readonly RegExp[];
  audit: AuditWriter;
  database: Database | null;
  rollouts: Rollouts;
  /** Default: none can be made (an empty allow-list) and events go nowhere. */
  webhooks?: Webhooks;
  logger: Logger;
}

export interface RequestFacts {
  requestId: string;
  /** The request's trace (W3C trace ID) when it is traced: in every line of its logger. */
  traceId?: string | undefined;
  principal: Principal;
  userAgent: string | undefined;
  /** The caller asked to read the engine itself, not the watched state (`Cache-Control: no-cache`). */
  freshReads?: boolean;
}

export function createContext(deps: ContextDeps, request: RequestFacts): GatewayContext {
  const perCluster = new Map<string, ClusterLoaders>();
  const authority = authorityOf(request.principal);
  return {
    ...deps,
    secretNamePatterns: deps.secretNamePatterns ?? DEFAULT_SECRET_NAME_PATTERNS,
    webhooks: deps.webhooks ?? noWebhooks(deps),
    requestId: request.requestId,
    userAgent: request.userAgent,
    authority,
    decision: null,
    logger: deps.logger.child(request.traceId ? { requestId: request.requestId, traceId: request.traceId } : { requestId: request.requestId }),
    loaders(cluster) {
      const client = deps.registry.cluster(cluster);
      let loaders = perCluster.get(client.name);
      if (!loaders) {
        const scope = authority.readScope(client.name);
        const watch = request.freshReads ? null : deps.registry.watchOf(client);
        loaders = new ClusterLoaders(client, scope.all ? null : (labels) => inScope(scope, labels), watch);
        perCluster.set(client.name, loaders);
      }
      return loaders;
    },
  };
}

/** The webhooks of a context built without any: an empty allow-list, nothing stored. Made once per deps object. */
const NO_WEBHOOKS = new WeakMap<ContextDeps, Webhooks>();
function noWebhooks(deps: ContextDeps): Webhooks {
  let none = NO_WEBHOOKS.get(deps);
  if (!none) {
    none = new Webhooks({ database: null, audit: deps.audit, settings: webhooksSchema.parse({}), logger: deps.logger });
    NO_WEBHOOKS.set(deps, none);
  }
  return none;
}
