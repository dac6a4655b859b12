// All resolvers, one module per resource, merged into the map Apollo executes.
import type { Resolvers } from '../generated/graphql.ts';
import { auditResolvers } from './audit/index.ts';
import { clusterResolvers } from './clusters.ts';
import { containersResolvers } from './containers/index.ts';
import { dateTimeScalar } from './date-time.ts';
import { ENGINE_ENUM_VALUES } from './enum-values.ts';
import { diagnosticsResolvers } from './diagnostics/index.ts';
import { eventsResolvers } from './events/index.ts';
import { networksResolvers } from './networks/index.ts';
import { nodesResolvers } from './nodes/index.ts';
import { rolloutsResolvers } from './rollouts/index.ts';
import { secretsResolvers } from './secrets/index.ts';
import { servicesResolvers } from './services/index.ts';
import { stacksResolvers } from './stacks/index.ts';
import { swarmResolvers } from './swarm/index.ts';
import { tasksResolvers } from './tasks/index.ts';
import { tokensResolvers } from './tokens/index.ts';
import { webhooksResolvers } from './webhooks/index.ts';
import { triggersResolvers } from './triggers/index.ts';

const modules: Resolvers[] = [
  { DateTime: dateTimeScalar, ...ENGINE_ENUM_VALUES },
  clusterResolvers,
  swarmResolvers,
  nodesResolvers,
  networksResolvers,
  secretsResolvers,
  servicesResolvers,
  stacksResolvers,
  rolloutsResolvers,
  tasksResolvers,
  containersResolvers,
  diagnosticsResolvers,
  eventsResolvers,
  auditResolvers,
  tokensResolvers,
  webhooksResolvers,
  triggersResolvers,
];

/** Merges per-type resolver maps; a field defined twice is a programming error. */
export function mergeResolvers(parts: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown> | unknown> = {};
  for (const part of parts) {
    for (const [typeName, fields] of Object.entries(part)) {
      if (typeof fields !== 'object' || fields === null || fields.constructor !== Object) {
        merged[typeName] = fields;
        continue;
      }
      const target = (merged[typeName] ??= {}) as Record<string, unknown>;
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`resolver ${typeName}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged as Resolvers;
}

export const resolvers: Resolvers = mergeResolvers(modules);
