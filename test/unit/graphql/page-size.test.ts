// One page-size rule: the default and the bounds live in src/graphql/page-size.ts; the
// schema's `first` defaults must say the same, or the limits, the cost estimate (which read
// the schema's default) and the resolvers would disagree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildSchema, isObjectType } from 'graphql';
import { GatewayError } from '../../../src/errors/gateway-error.ts';
import { DEFAULT_PAGE_SIZE, isPageSizeInRange, MAX_PAGE_SIZE, pageSize } from '../../../src/graphql/page-size.ts';

test('pageSize: the default for none given, the size given within 1..MAX, BAD_REQUEST outside', () => {
  assert.equal(pageSize(undefined), DEFAULT_PAGE_SIZE);
  assert.equal(pageSize(null), DEFAULT_PAGE_SIZE);
  assert.equal(pageSize(1), 1);
  assert.equal(pageSize(MAX_PAGE_SIZE), MAX_PAGE_SIZE);
  for (const bad of [0, -1, MAX_PAGE_SIZE + 1, 1.5, Number.NaN]) {
    assert.equal(isPageSizeInRange(bad), false, String(bad));
    assert.throws(() => pageSize(bad), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST', String(bad));
  }
});

test("every connection's `first` in schema.graphql defaults to DEFAULT_PAGE_SIZE", () => {
  const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const first = field.args.find((a) => a.name === 'first');
      if (!first) continue;
      found.push(`${type.name}.${field.name}`);
      assert.equal(first.defaultValue, DEFAULT_PAGE_SIZE, `${type.name}.${field.name}(first)`);
    }
  }
  assert.ok(found.length >= 7, `connections found: ${found.join(', ')}`);
});
