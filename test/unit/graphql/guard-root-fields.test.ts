// The field guard hands each root field's resolver its own decision on a copy of the
// context (no AsyncLocalStorage): root fields resolved concurrently in one request each see
// theirs, nested fields see the request's context (no decision, the same Authority), and a
// refused field never reaches its resolver (FORBIDDEN, audited as denied).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { execute, parse } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { AllowedDecision } from '../../../src/auth/access-decision.ts';
import { authorityOf } from '../../../src/auth/authority.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import type { AuditRefusal } from '../../../src/audit/audit-writer.ts';
import { fieldDecision } from '../../../src/graphql/access/field-decision.ts';
import { guardRootFields } from '../../../src/graphql/access/guard-root-fields.ts';
import type { GatewayContext } from '../../../src/graphql/context.ts';

// Field names from the permission table; gateway-wide (no cluster argument), so no registry is needed.
const typeDefs = `
  type Query { whoami: Seen, clusters: [Seen], auditRecords: Seen }
  type Seen { permission: String, nested: String }
`;

interface Seen {
  permission: string | null;
  nested?: string;
}

function schemaRecording(nestedContexts: GatewayContext[], reached: string[]) {
  const seen = (ctx: GatewayContext): Seen => ({ permission: ctx.decision?.permission ?? null });
  return guardRootFields(
    makeExecutableSchema({
      typeDefs,
      resolvers: {
        Query: {
          // Both wait, so that the two root fields are in flight at once.
          whoami: async (_r: unknown, _a: unknown, ctx: GatewayContext) => (await tick(), reached.push('whoami'), seen(ctx)),
          clusters: async (_r: unknown, _a: unknown, ctx: GatewayContext) => (await tick(), reached.push('clusters'), [seen(ctx)]),
          auditRecords: (_r: unknown, _a: unknown, ctx: GatewayContext) => (reached.push('auditRecords'), seen(ctx)),
        },
        Seen: {
          nested: (_parent: Seen, _a: unknown, ctx: GatewayContext) => {
            nestedContexts.push(ctx);
            return ctx.decision === null ? 'no decision' : 'a decision';
          },
        },
      },
    }),
  );
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function requestContext(grants: string[], refusals: AuditRefusal[]): GatewayContext {
  const authority = authorityOf({ id: 'token:t', kind: 'token', grants: grants.map(parseGrant), clientAddress: undefined });
  const audit = { refusal: async (_intent: unknown, refusal: AuditRefusal) => void refusals.push(refusal) };
  return { requestId: 'r1', userAgent: undefined, authority, decision: null, audit } as unknown as GatewayContext;
}

describe('guardRootFields', () => {
  test('each root field gets its own decision; nested fields get the request context, without one', async () => {
    const nested: GatewayContext[] = [];
    const contextValue = requestContext(['viewer'], []);
    const result = await execute({
      schema: schemaRecording(nested, []),
      document: parse('{ whoami { permission nested } clusters { permission nested } }'),
      contextValue,
    });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(JSON.parse(JSON.stringify(result.data)), {
      whoami: { permission: 'Query.whoami', nested: 'no decision' },
      clusters: [{ permission: 'Query.clusters', nested: 'no decision' }],
    });
    assert.equal(nested.length, 2);
    for (const ctx of nested) {
      assert.equal(ctx, contextValue, 'nested fields resolve on the request context');
      assert.equal(ctx.authority, contextValue.authority);
    }
    assert.equal(contextValue.decision, null, 'the request context is never given a decision');
  });

  test('a refused field is FORBIDDEN without its reason, audited as denied, and its resolver never runs', async () => {
    const reached: string[] = [];
    const refusals: AuditRefusal[] = [];
    const result = await execute({ schema: schemaRecording([], reached), document: parse('{ auditRecords { permission } }'), contextValue: requestContext(['viewer'], refusals) });
    // The HTTP layer's error formatting turns the GatewayError's code into extensions.code.
    assert.equal((result.errors?.[0]?.originalError as { code?: string } | undefined)?.code, 'FORBIDDEN');
    assert.equal(result.errors?.[0]?.message, 'auditRecords: not allowed');
    assert.deepEqual(reached, []);
    assert.deepEqual(refusals.map((r) => [r.kind, r.errorCode, (r.decision as { reason?: string }).reason]), [['denied', 'FORBIDDEN', 'needs role auditor or admin']]);
  });

  test('outside a guarded root field there is no decision to read (deny by default)', () => {
    assert.throws(() => fieldDecision({ decision: null }), (err: unknown) => (err as { code?: string }).code === 'FORBIDDEN');
    const decision = { allowed: true, permission: 'Query.whoami', cluster: null, grant: 'viewer', scope: { all: true, selectors: [] } } satisfies AllowedDecision;
    assert.equal(fieldDecision({ decision }), decision);
  });
});
