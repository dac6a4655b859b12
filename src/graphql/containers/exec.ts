// containerExec (`docker exec`). The schema is committed first so that others can build on
// it; the implementation follows in the next commit.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { GatewayError } from '../../errors/gateway-error.ts';

export const containerExec: MutationResolvers['containerExec'] = () => {
  throw new GatewayError('INTERNAL', 'containerExec is not implemented yet');
};
