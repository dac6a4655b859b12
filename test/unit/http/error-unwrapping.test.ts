// GraphQL wraps a resolver's error (more than once when it passes a field path); what the
// caller is told and what the log keeps both come from the error the resolver threw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { GatewayError } from '../../../src/errors/gateway-error.ts';
import { formatError } from '../../../src/http/format-error.ts';
import { logErrors } from '../../../src/http/log-errors.ts';

const wrappedTwice = (cause: Error) => new GraphQLError('outer', { originalError: new GraphQLError('inner', { originalError: cause, path: ['swarm'] }), path: ['swarm'] });

test("the log keeps the resolver's own error under two wrappings, with its stack", () => {
  const cause = new TypeError('x is undefined');
  const logged: { err?: unknown }[] = [];
  const logger = { error: (obj: { err?: unknown }) => void logged.push(obj), info: () => {}, warn: () => {} } as unknown as Logger;
  logErrors(logger, [wrappedTwice(cause)]);
  assert.equal(logged.length, 1);
  assert.equal(logged[0]!.err, cause);
});

test("the caller is told the resolver's GatewayError under two wrappings", () => {
  const error = wrappedTwice(new GatewayError('NOT_FOUND', 'service x not found'));
  const shown = formatError(error.toJSON(), error);
  assert.equal(shown.message, 'service x not found');
  assert.equal(shown.extensions?.code, 'NOT_FOUND');
});
