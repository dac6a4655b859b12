// The GraphQL-over-HTTP spec's status codes. With `application/graphql-response+json` a
// request error (syntax, validation, variable coercion, a limit) is a 4xx, which Apollo
// already answers. With `application/json` (and without an Accept header) the spec asks
// for 200 on every well-formed request, whatever its GraphQL errors, because legacy
// clients read errors only from 200 bodies; a request that is not well-formed (no query,
// an unreadable body) keeps its 4xx.
import type { ApolloServerPlugin } from '@apollo/server';
import { APPLICATION_JSON, negotiateMediaType } from './media-type.ts';

export function graphqlOverHttpStatusCodes<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, source }) {
          if (source === undefined || response.http.status !== 400) return;
          if (negotiateMediaType(request.http?.headers.get('accept')) === APPLICATION_JSON) response.http.status = 200;
        },
      };
    },
  };
}
