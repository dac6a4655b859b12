// PLACEHOLDER (lead): the stack resolvers' owners replace their entries; removed once all are built.
import { GatewayError } from '../../errors/gateway-error.ts';

export function notBuilt(what: string): never {
  throw new GatewayError('INTERNAL', `${what} is not built yet`);
}
