// Every GraphQL operation shown in README.md is valid against schema.graphql, so the
// documentation cannot drift from the contract.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildSchema, parse, validate } from 'graphql';

const root = new URL('../../../', import.meta.url);
const schema = buildSchema(readFileSync(new URL('schema.graphql', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('README has GraphQL examples', () => {
  assert.ok(blocks.length >= 6, `found ${blocks.length} graphql blocks`);
});

for (const [i, block] of blocks.entries()) {
  // One block may hold several operations, one per top-level line that starts one.
  const operations = block.split(/\n(?=(?:query|mutation|subscription)\b)/).map((s) => s.replace(/^#.*$/gm, '').trim()).filter(Boolean);
  for (const [j, op] of operations.entries()) {
    test(`README block ${i + 1}, operation ${j + 1} is valid: ${op.slice(0, 60).replace(/\s+/g, ' ')}`, () => {
      const errors = validate(schema, parse(op));
      assert.deepEqual(errors.map((e) => e.message), []);
    });
  }
}
