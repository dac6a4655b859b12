// Subscriptions are served over graphql-ws only; over HTTP GET/POST the operation is
// refused before it runs, with a message naming the transport to use (graphql-js would
// otherwise "execute" the subscription field once and fail inside it).
import type { ApolloServerPlugin } from '@apollo/server';
import { GatewayError } from '../errors/gateway-error.ts';
import { refusal } from './limits/limit-error.ts';

export const SUBSCRIPTION_TRANSPORT_MESSAGE =
  'subscriptions are served over WebSocket only: connect to /graphql with the graphql-ws protocol (subprotocol graphql-transport-ws); HTTP GET and POST carry queries and mutations';

export function refuseSubscriptionsOverHttp<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') throw refusal(new GatewayError('BAD_REQUEST', SUBSCRIPTION_TRANSPORT_MESSAGE, { transports: ['graphql-ws'] }), operation);
        },
      };
    },
  };
}
