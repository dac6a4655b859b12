// The error codes the layers below GraphQL use (src/errors/codes.ts) are the schema's enums,
// name for name: the schema is the contract, the lists keep the engine layer free of the
// generated types, and this test keeps the two from drifting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { ERROR_CODES, USER_ERROR_CODES } from '../../../src/errors/codes.ts';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  assert.ok(type instanceof GraphQLEnumType, `${name} is an enum in schema.graphql`);
  return type.getValues().map((v) => v.name).sort();
}

test('ErrorCode is the schema enum ErrorCode', () => {
  assert.deepEqual([...ERROR_CODES].sort(), enumValues('ErrorCode'));
});

test('UserErrorCode is the schema enum UserErrorCode', () => {
  assert.deepEqual([...USER_ERROR_CODES].sort(), enumValues('UserErrorCode'));
});
