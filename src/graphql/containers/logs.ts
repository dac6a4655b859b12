// containerLogs (`docker logs --tail`). The schema is committed first so that others can
// build on it; the implementation follows in the next commit.
import type { QueryResolvers } from '../../generated/graphql.ts';
import { GatewayError } from '../../errors/gateway-error.ts';

export const containerLogs: QueryResolvers['containerLogs'] = () => {
  throw new GatewayError('INTERNAL', 'containerLogs is not implemented yet');
};
