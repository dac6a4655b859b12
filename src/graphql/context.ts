// What every resolver receives. Built once per request by the HTTP layer.
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { DEFAULT_SECRET_NAME_PATTERNS } from '../audit/redact.ts';
import type { AuthSettings, GuardrailSettings } from '../config/access-config.ts';
import { inScope, readScope } from '../auth/access-decision.ts';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/client.ts';
import { ClusterLoaders } from '../docker/loaders.ts';
import type { EngineRegistry } from '../docker/registry.ts';

export interface GatewayContext {
  requestId: string;
  registry: EngineRegistry;
  principal: Principal;
  audit: AuditWriter;
  /** The audit log's database; null when the gateway runs without one (tests of the API alone). */
  database: Database | null;
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
  logger: Logger;
}

export function createContext(deps: ContextDeps, request: { requestId: string; principal: Principal; userAgent: string | undefined }): GatewayContext {
  const perCluster = new Map<string, ClusterLoaders>();
  return {
    ...deps,
    secretNamePatterns: deps.secretNamePatterns ?? DEFAULT_SECRET_NAME_PATTERNS,
    ...request,
    logger: deps.logger.child({ requestId: request.requestId }),
    loaders(cluster) {
      const client = deps.registry.cluster(cluster);
      let loaders = perCluster.get(client.name);
      if (!loaders) {
        const scope = readScope(request.principal, client.name);
        loaders = new ClusterLoaders(client, scope.all ? null : (labels) => inScope(scope, labels));
        perCluster.set(client.name, loaders);
      }
      return loaders;
    },
  };
}
