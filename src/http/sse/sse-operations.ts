// What graphql-sse runs for one event stream: the same preparation as a graphql-ws subscribe
// (ws-operation.ts: parse, limits, validation), subscriptions only, a slot under the
// principal's cap of open subscriptions (shared with graphql-ws), the gateway's context and
// error masking, and the stream's credential held for the periodic re-checks. What the
// stream holds is given back when it ends, however it ends.
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { GraphQLError, getOperationAST, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { HandlerOptions } from 'graphql-sse';
import type { Logger } from 'pino';
import type { Principal } from '../../auth/principal.ts';
import type { LimitSettings } from '../../config/access-config.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { createContext, type ContextDeps } from '../../graphql/context.ts';
import type { CredentialRechecks } from '../credential-rechecks.ts';
import { formatError } from '../format-error.ts';
import type { OpenSubscriptions } from '../limits/open-subscriptions.ts';
import { logErrors } from '../log-errors.ts';
import { prepareWsOperation } from '../ws-operation.ts';
import { EndableStream } from './endable-stream.ts';
import { requestLogger } from '../request-logger.ts';
import { deliveringSubscription, streamsSubscription, traceContextOf, traceIdOf } from '../tracing/request-span.ts';

export const SSE_OPERATION_MESSAGE = 'only subscriptions are served over server-sent events (/graphql/stream); send queries and mutations to /graphql over HTTP POST or GET';

export interface SseOperationDeps {
  schema: GraphQLSchema;
  limits: LimitSettings;
  production: boolean;
  contextDeps: ContextDeps;
  subscriptions: OpenSubscriptions;
  rechecks: CredentialRechecks;
  logger: Logger;
}

/** What the Express adapter passes as graphql-sse's request context. */
export interface SseRequestContext {
  res: ExpressResponse;
}

type Context = Record<PropertyKey, unknown>;
type Options = HandlerOptions<ExpressRequest, SseRequestContext, Context>;

export interface SseOperations {
  options: Options;
  /** Ends every open stream (the gateway stops): each client gets `complete`. */
  endAll(): void;
}

// `data: null` too: graphql-sse takes a result from onSubscribe for one only when it has `data`.
const failed = (errors: readonly GraphQLError[]): ExecutionResult => ({ data: null, errors });

export function sseOperations(deps: SseOperationDeps): SseOperations {
  const { schema } = deps;
  // Each open stream by its response, for the credential re-checks to end; a refusal that
  // comes before the subscription has started is kept until it has.
  const streams = new Map<ExpressResponse, { stream?: EndableStream; revokedWith?: ExecutionResult }>();
  const end = (res: ExpressResponse, last: ExecutionResult) => {
    const open = streams.get(res);
    if (!open) return;
    if (open.stream) open.stream.end(last);
    else open.revokedWith = last;
  };
  const options: Options = {
    schema,
    // No reservation tokens: only graphql-sse's "distinct connections mode" (one stream per request).
    authenticate: () => null,
    onSubscribe(req, params) {
      const { res } = req.context;
      const principal = res.locals.principal as Principal;
      // The stream's request span is the subscription's, described as graphql-ws operations' are.
      const notes = streamsSubscription(res, 'graphql-sse');
      const refuse = (errors: readonly GraphQLError[]) => {
        notes.sent(errors.map((e) => formatError(e.toJSON(), e)));
        return failed(errors);
      };
      const prepared = prepareWsOperation(schema, { limits: deps.limits, production: deps.production }, params);
      if (Array.isArray(prepared)) return refuse(prepared);
      notes.operation(prepared.document, prepared.operationName);
      if (getOperationAST(prepared.document, prepared.operationName)?.operation !== 'subscription') {
        return refuse([new GraphQLError(SSE_OPERATION_MESSAGE, { originalError: new GatewayError('BAD_REQUEST', SSE_OPERATION_MESSAGE) })]);
      }
      const slot = deps.subscriptions.take(principal);
      if (slot instanceof GraphQLError) return refuse([slot]);
      const stopRechecks = deps.rechecks.hold({
        authorization: req.raw.get('authorization'),
        clientAddress: req.raw.socket.remoteAddress,
        userAgent: req.raw.get('user-agent'),
        traceContext: () => traceContextOf(res),
        revoked: (err) => {
          notes.credentialRefused(err.reason);
          end(res, failed([new GraphQLError(err.message, { originalError: new GatewayError('UNAUTHENTICATED', err.message, { reason: err.reason }) })]));
        },
      });
      streams.set(res, {});
      // The response closes when the stream ends, and when the client goes away first.
      res.once('close', () => {
        slot();
        stopRechecks();
        streams.delete(res);
      });
      const contextValue = createContext(deps.contextDeps, { requestId: String(res.locals.requestId), traceId: traceIdOf(res), principal, userAgent: req.raw.get('user-agent') });
      return { ...prepared, contextValue: contextValue as unknown as Context };
    },
    onOperation(_ctx, req, _args, result) {
      // Opened: the Engine API calls that opened it are the span's children, its deliveries make none.
      deliveringSubscription(req.context.res);
      if (!(Symbol.asyncIterator in Object(result))) return result;
      const stream = new EndableStream((result as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator]());
      const open = streams.get(req.context.res);
      if (open) open.stream = stream;
      if (open?.revokedWith) stream.end(open.revokedWith);
      return stream;
    },
    // The same masking as over HTTP and graphql-ws: our codes, no internals.
    onNext(_ctx, req, result) {
      const notes = streamsSubscription(req.context.res, 'graphql-sse');
      if (!result.errors?.length) {
        notes.sent(undefined);
        return result;
      }
      const errors = result.errors as readonly GraphQLError[];
      logErrors(requestLogger(deps.logger, req.context.res).child({ transport: 'graphql-sse' }), errors);
      const formatted = errors.map((e) => formatError(e.toJSON(), e));
      notes.sent(formatted);
      return { ...result, errors: formatted as never };
    },
  };
  return { options, endAll: () => [...streams.values()].forEach((open) => open.stream?.end()) };
}

