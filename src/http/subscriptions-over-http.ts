// Subscriptions are served over graphql-ws and server-sent events (/graphql/stream); over
// plain HTTP GET/POST to /graphql the operation is refused before it runs, with a message
// naming both transports (graphql-js would otherwise "execute" the subscription field once
// and fail inside it).
import type { ApolloServerPlugin } from '@apollo/server';
import { GatewayError } from '../errors/gateway-error.ts';
import { refusal } from './limits/limit-error.ts';

export const SUBSCRIPTION_TRANSPORT_MESSAGE =
  'subscriptions are served over WebSocket (connect to /graphql with the graphql-ws protocol, subprotocol graphql-transport-ws) or server-sent events (GET or POST /graphql/stream with Accept: text/event-stream); HTTP GET and POST to /graphql carry queries and mutations';

export function refuseSubscriptionsOverHttp<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') throw refusal(new GatewayError('BAD_REQUEST', SUBSCRIPTION_TRANSPORT_MESSAGE, { transports: ['graphql-ws', 'graphql-sse'] }), operation);
        },
      };
    },
  };
}
