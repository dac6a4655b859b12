// What a request's or subscription's span says about its GraphQL operation, decided here for
// every transport (HTTP requests, graphql-ws operations, server-sent event streams): its name
// (`subscription Watch`, the operation type and the caller's operation name), the operation's
// attributes, the result (`OK` or the first error's code, as the metrics' `result`) and, for a
// subscription, how it ended. Never an ID or a name of an engine object.
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { AuthFailure } from '../../auth/authentication-error.ts';

export interface OperationFacts {
  operationType?: string | undefined;
  operationName?: string | undefined;
  result: string;
}

/** Names the span for its operation and sets its attributes; status ERROR for INTERNAL. */
export function describeOperation(span: Span, facts: OperationFacts): void {
  if (facts.operationType) {
    span.setAttribute('graphql.operation.type', facts.operationType);
    span.updateName(`${facts.operationType}${facts.operationName ? ` ${facts.operationName}` : ''}`);
  }
  if (facts.operationName) span.setAttribute('graphql.operation.name', facts.operationName);
  span.setAttribute('swarm_gateway.result', facts.result);
  if (facts.result === 'INTERNAL') span.setStatus({ code: SpanStatusCode.ERROR, message: facts.result });
}

export type SubscriptionTransport = 'graphql-ws' | 'graphql-sse';

/**
 * How a subscription ended: the client completed it (a graphql-ws `complete`), the server did
 * (the stream ran out, the gateway stopped, a single result was sent), with an error (the last
 * thing sent carried errors: a refusal, a failed source), its credential was refused at a
 * re-check, or the connection closed under it (for server-sent events, the client going away).
 */
export type SubscriptionEnd = 'completed_by_client' | 'completed_by_server' | 'error' | 'credentials_revoked' | 'credentials_expired' | 'connection_closed';

/** Who ended it, as the transport sees it. */
export type EndedBy = 'client' | 'server' | 'connection';

/** What a transport notes about one subscription (or graphql-ws operation) as it runs, for its span. */
export class SubscriptionNotes implements OperationFacts {
  operationType: string | undefined;
  operationName: string | undefined;
  result = 'OK';
  private lastFailed = false;
  private refused: AuthFailure | undefined;

  constructor(readonly transport: SubscriptionTransport) {}

  /** The operation the prepared document runs. */
  operation(document: DocumentNode, operationName: string | null | undefined): void {
    const operation = getOperationAST(document, operationName);
    this.operationType = operation?.operation;
    this.operationName = operation?.name?.value;
  }

  /** A result or refusal sent to the client: its errors, if any. */
  sent(errors: readonly { extensions?: Record<string, unknown> | undefined }[] | undefined): void {
    this.lastFailed = Boolean(errors?.length);
    if (this.result === 'OK' && errors?.length) this.result = String(errors[0]!.extensions?.code ?? 'INTERNAL');
  }

  /** Its credential was refused at a re-check: the transport ends it next. */
  credentialRefused(reason: AuthFailure): void {
    this.refused = reason;
  }

  ending(by: EndedBy): SubscriptionEnd {
    if (this.refused) return this.refused === 'expired_token' ? 'credentials_expired' : 'credentials_revoked';
    if (by === 'client') return 'completed_by_client';
    if (by === 'connection') return 'connection_closed';
    return this.lastFailed ? 'error' : 'completed_by_server';
  }

  /** Describes the span (describeOperation) and how the subscription ended. */
  describe(span: Span, by: EndedBy): void {
    describeOperation(span, this);
    span.setAttribute('swarm_gateway.transport', this.transport);
    span.setAttribute('swarm_gateway.subscription.end', this.ending(by));
  }
}
