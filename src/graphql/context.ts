// What every resolver receives. Built once per request by the HTTP layer.
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { Authorizer, Principal } from '../auth/principal.ts';
import type { Database } from '../db/client.ts';
import { ClusterLoaders } from '../docker/loaders.ts';
import type { EngineRegistry } from '../docker/registry.ts';

export interface GatewayContext {
  requestId: string;
  registry: EngineRegistry;
  principal: Principal;
  authorizer: Authorizer;
  audit: AuditWriter;
  /** The audit log's database; null when the gateway runs without one (tests of the API alone). */
  database: Database | null;
  logger: Logger;
  userAgent: string | undefined;
  /** Per-request loaders of a cluster (the default one when `cluster` is null). */
  loaders(cluster?: string | null): ClusterLoaders;
}

export interface ContextDeps {
  registry: EngineRegistry;
  authorizer: Authorizer;
  audit: AuditWriter;
  database: Database | null;
  logger: Logger;
}

export function createContext(deps: ContextDeps, request: { requestId: string; principal: Principal; userAgent: string | undefined }): GatewayContext {
  const perCluster = new Map<string, ClusterLoaders>();
  return {
    ...deps,
    ...request,
    logger: deps.logger.child({ requestId: request.requestId }),
    loaders(cluster) {
      const client = deps.registry.cluster(cluster);
      let loaders = perCluster.get(client.name);
      if (!loaders) {
        loaders = new ClusterLoaders(client);
        perCluster.set(client.name, loaders);
      }
      return loaders;
    },
  };
}
