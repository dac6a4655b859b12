// Subscriptions (and any operation) over graphql-ws on the same path as queries, authenticated
// per connection (ws-sessions.ts). Each subscribe is an operation of its own: a request ID, a
// slot under its principal's cap of open subscriptions, and a span (tracing/ws-operation-span.ts)
// whose trace ID is in its log lines and audit records. It draws on the principal's rate budget
// and meets the same rules and limits as HTTP; a problem with one fails that operation only,
// never the socket and the other subscriptions on it. Every end of an operation (the client's
// `complete`, the server's, an error, a refused credential, the socket closing) goes through
// `ended`, which gives back what it held.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { context } from '@opentelemetry/api';
import { execute, GraphQLError, subscribe, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { LimitSettings } from '../config/access-config.ts';
import { createContext, type ContextDeps } from '../graphql/context.ts';
import { formatError } from './format-error.ts';
import type { OpenSubscriptions, ReleaseSlot } from './limits/open-subscriptions.ts';
import type { PrincipalRateLimit } from './limits/rate-limit.ts';
import { logErrors } from './log-errors.ts';
import { operationLogger } from './request-logger.ts';
import type { GatewayTracing } from './tracing/gateway-tracing.ts';
import type { EndedBy } from './tracing/operation-span.ts';
import { traceWsOperation, type WsOperationTrace } from './tracing/ws-operation-span.ts';
import { prepareWsOperation } from './ws-operation.ts';
import type { WsSessions } from './ws-sessions.ts';

type Ctx = WsContext<Record<string, unknown> | undefined, Extra>;

export interface WsServerDeps {
  httpServer: http.Server;
  schema: GraphQLSchema;
  limits: LimitSettings;
  production: boolean;
  contextDeps: ContextDeps;
  sessions: WsSessions;
  rateLimiter: PrincipalRateLimit;
  subscriptions: OpenSubscriptions;
  tracing: GatewayTracing;
  logger: Logger;
}

interface WsOperation {
  requestId: string;
  trace: WsOperationTrace;
  log: Logger;
  slot?: ReleaseSlot;
  /** The client sent `complete` for it (graphql-ws has no hook for that message). */
  completedByClient?: boolean;
}

/** What graphql-ws runs an operation into: one result, or a subscription's stream. */
type OperationResult = ExecutionResult | AsyncIterable<ExecutionResult>;

export function serveGraphqlWs(deps: WsServerDeps): { dispose(): void | Promise<void> } {
  const { schema, sessions } = deps;
  // Each connection's operations by subscribe ID, oldest first.
  const operations = new WeakMap<object, Map<string, WsOperation>>();
  const operationsOf = (ctx: object) => {
    let ops = operations.get(ctx);
    if (!ops) operations.set(ctx, (ops = new Map()));
    return ops;
  };
  // The operation a GraphQL context belongs to, for execute/subscribe to run in its span.
  const traces = new WeakMap<object, WsOperationTrace>();
  const ended = (ctx: object, id: string, by: EndedBy) => {
    const op = operations.get(ctx)?.get(id);
    if (!op) return;
    operations.get(ctx)!.delete(id);
    op.slot?.();
    // A client that completes its last subscription may close the socket at once, before graphql-ws calls onComplete.
    op.trace.end(op.completedByClient && by === 'connection' ? 'client' : by);
  };
  // Read beside graphql-ws (after its own listener, before the onComplete that follows).
  const followCompletes = (ctx: Ctx) => ctx.extra.socket.on('message', (data) => {
    const text = String(data);
    if (!text.includes('"complete"')) return;
    try {
      const message = JSON.parse(text) as { type?: unknown; id?: unknown };
      const op = message.type === 'complete' && typeof message.id === 'string' ? operations.get(ctx)?.get(message.id) : undefined;
      if (op) op.completedByClient = true;
    } catch {
      // Not JSON: graphql-ws closes the socket for it.
    }
  });
  // A refused credential ends every operation of the connection; its audit record carries the
  // trace of the connection's oldest open operation (one record per connection, as it is one credential).
  sessions.follow({
    revoked: (ctx, err) => {
      for (const op of operations.get(ctx)?.values() ?? []) op.trace.notes.credentialRefused(err.reason);
    },
    traceContext: (ctx) => operations.get(ctx)?.values().next().value?.trace.context,
  });
  // graphql-js's own execute and subscribe, in the operation's span: the Engine API calls and
  // audit appends made to run or open it are its children; what it delivers later is not.
  const inSpan = (run: (args: ExecutionArgs) => unknown) => async (args: ExecutionArgs): Promise<OperationResult> => {
    const trace = traces.get(args.contextValue as object);
    if (!trace) return (await run(args)) as OperationResult;
    return context.with(trace.context, async () => {
      try {
        return (await run(args)) as OperationResult;
      } finally {
        trace.delivering();
      }
    });
  };
  const wsServer = new WebSocketServer({ server: deps.httpServer, path: '/graphql' });
  return useServer(
    {
      execute: inSpan(execute),
      subscribe: inSpan(subscribe),
      onConnect: (ctx) => {
        followCompletes(ctx);
        return sessions.connect(ctx);
      },
      onClose: (ctx) => {
        for (const id of [...(operations.get(ctx)?.keys() ?? [])]) ended(ctx, id, 'connection');
        return sessions.close(ctx);
      },
      onSubscribe: async (ctx, id, payload) => {
        const requestId = randomUUID();
        const trace = traceWsOperation(deps.tracing, requestId, payload.extensions);
        const log = operationLogger(deps.logger, { requestId, traceId: trace.traceId }, { transport: 'graphql-ws' });
        const op: WsOperation = { requestId, trace, log };
        operationsOf(ctx).set(id, op);
        const limited = await deps.rateLimiter.subscribeErrors(sessions.principalOf(ctx));
        if (limited) return limited;
        const prepared = prepareWsOperation(schema, { limits: deps.limits, production: deps.production }, payload);
        if (Array.isArray(prepared)) return prepared;
        trace.notes.operation(prepared.document, prepared.operationName);
        const principal = sessions.principalOf(ctx)!;
        const slot = deps.subscriptions.take(principal);
        if (slot instanceof GraphQLError) return [slot];
        op.slot = slot;
        const contextValue = createContext(deps.contextDeps, { requestId, traceId: trace.traceId, principal, userAgent: ctx.extra.request.headers['user-agent'] });
        traces.set(contextValue, trace);
        return { ...prepared, contextValue };
      },
      // Called when the server completes it, and when the client did or the socket closed.
      onComplete: (ctx, id) => ended(ctx, id, completedBy(ctx, id)),
      // The same masking as for HTTP: our codes, no internals.
      onError: (ctx, id, _payload, errors) => {
        const op = operations.get(ctx)?.get(id);
        if (op) logErrors(op.log, errors);
        const formatted = errors.map((e) => formatError(e.toJSON(), e));
        op?.trace.notes.sent(formatted);
        ended(ctx, id, 'server');
        return formatted;
      },
      onNext: (ctx, id, _payload, _args, result) => {
        const op = operations.get(ctx)?.get(id);
        if (!('errors' in result) || !result.errors) {
          op?.trace.notes.sent(undefined);
          return result;
        }
        if (op) logErrors(op.log, result.errors);
        const errors = result.errors.map((e) => formatError(e.toJSON(), e));
        op?.trace.notes.sent(errors);
        return { ...result, errors };
      },
    },
    wsServer,
  );
}

/** Still among the connection's subscriptions: the server completed it; else the client did (noted) or the socket closed. */
function completedBy(ctx: Ctx, id: string): EndedBy {
  return id in ctx.subscriptions ? 'server' : 'connection';
}
