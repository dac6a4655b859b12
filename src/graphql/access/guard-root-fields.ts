// Enforcement on every root field: before a Query, Mutation or Subscription field's
// resolver runs, the caller's grants are checked against the permission table. A field
// without a rule is refused to everybody. Refusals are audited (`denied`, with the
// reason) and answered FORBIDDEN without it; the decision that allowed a field is handed to
// its resolver on a shallow copy of the context (`ctx.decision`, field-decision.ts), so the
// audit intent can name the grant and a label-scoped operation knows what it reaches.
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { decisionRecord } from '../../auth/access-decision.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import type { GatewayContext } from '../context.ts';
import { clustersOfField, isClusterBound } from './field-cluster.ts';

type Resolver = NonNullable<GraphQLFieldConfig<unknown, GatewayContext>['resolve']>;

export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_OBJECT]: (type) => type,
    [MapperKind.QUERY_ROOT_FIELD]: (field, name) => ({ ...field, resolve: guarded(`Query.${name}`, field, field.resolve ?? defaultFieldResolver) }),
    [MapperKind.MUTATION_ROOT_FIELD]: (field, name) => ({ ...field, resolve: guarded(`Mutation.${name}`, field, field.resolve ?? defaultFieldResolver) }),
    [MapperKind.SUBSCRIPTION_ROOT_FIELD]: (field, name) =>
      field.subscribe
        ? { ...field, subscribe: guarded(`Subscription.${name}`, field, field.subscribe) }
        : { ...field, resolve: guarded(`Subscription.${name}`, field, field.resolve ?? defaultFieldResolver) },
  });
}

function guarded(permission: string, field: GraphQLFieldConfig<unknown, GatewayContext>, resolve: Resolver): Resolver {
  const operation = permission.slice(permission.indexOf('.') + 1);
  // Known from the schema, so decided once here rather than on every request.
  const clusterBound = isClusterBound(Object.entries(field.args ?? {}).map(([name, arg]) => ({ name, type: arg.type })));
  return async (source, args, ctx, info) => {
    const clusters = clusterBound ? clustersOfField(args, ctx.registry, operation) : [null];
    const decisions = clusters.map((c) => ctx.authority.decide(permission, c));
    // Refused if any cluster is; else the first (the engine's own) decides the scope.
    const decision = decisions.find((d) => !d.allowed) ?? decisions[0]!;
    const cluster = decision.cluster;
    if (!decision.allowed) {
      await ctx.audit.refusal(
        { requestId: ctx.requestId, principal: ctx.authority.principal, userAgent: ctx.userAgent, input: args.input ?? args, operation, cluster: cluster ?? undefined, target: targetOf(args) },
        { kind: 'denied', errorCode: 'FORBIDDEN', decision: decisionRecord(decision) },
      );
      // The reason (which may name clusters the caller cannot see) goes to the audit log only.
      throw new GatewayError('FORBIDDEN', `${operation}: not allowed`, { decision: decisionRecord(decision) });
    }
    // Nested fields get the request's context from graphql-js, not this one: they read only
    // the authority (read scope, capabilities), never a root field's decision.
    return resolve(source, args, { ...ctx, decision }, info);
  };
}

function targetOf(args: Record<string, unknown>): string | undefined {
  const input = (args.input ?? {}) as Record<string, unknown>;
  const id = args.id ?? input.id ?? input.name;
  return typeof id === 'string' ? id : undefined;
}
