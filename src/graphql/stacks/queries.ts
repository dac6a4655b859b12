// `stacks` (`docker stack ls`) and `stack`: the namespaces of the objects the caller may read.
// A stack is no engine object, so it exists for a caller exactly when one of its objects is
// readable; one it cannot read anything of is NOT_FOUND, as a missing one.
import type { QueryResolvers } from '../../generated/graphql.ts';
import { notFound } from '../../errors/gateway-error.ts';
import { paginate } from '../pagination.ts';
import type { StackModel } from './stack-model.ts';
import { readableStacks } from './stack-objects.ts';

export const stackQueries: Pick<QueryResolvers, 'stacks' | 'stack'> = {
  async stacks(_root, { cluster, first, after }, ctx) {
    const name = ctx.loaders(cluster).client.name;
    const stacks = await readableStacks(ctx, name);
    const models: StackModel[] = [...stacks.keys()].map((stack) => ({ cluster: name, name: stack }));
    // A namespace is unique per cluster: the name alone is a stable key.
    return paginate(models, (m) => m.name, { first, after });
  },

  async stack(_root, args, ctx) {
    const cluster = ctx.loaders(args.cluster).client.name;
    if (!(await readableStacks(ctx, cluster)).has(args.name)) throw notFound('stack', args.name);
    const model: StackModel = { cluster, name: args.name };
    return model;
  },
};
