// README's role table is the permission table rendered (src/auth/role-table.ts), so the
// documentation says exactly what the gateway enforces.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PERMISSIONS } from '../../../src/auth/permissions.ts';
import { ROLES } from '../../../src/grants/roles.ts';
import { renderRoleTable, replaceRoleTable, roleTableIn } from '../../../src/auth/role-table.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

test("README's role table is the one rendered from src/auth/permissions.ts", () => {
  const block = roleTableIn(readme);
  assert.notEqual(block, null, 'README.md has no <!-- role-table:start --> ... <!-- role-table:end --> block: add the markers under "## Roles" and run npm run docs:roles');
  assert.ok(block === renderRoleTable(), "README.md's role table differs from src/auth/permissions.ts: run npm run docs:roles");
});

test('a row per permission, a column per role: ✓ for unscoped grants only, ✓ scoped when a label selector is enough', () => {
  const table = renderRoleTable(
    {
      'Query.things': { roles: ['viewer', 'admin'], scoped: 'objects', summary: 'list things | their labels' },
      'Mutation.thingPrune': { roles: ['admin'], scoped: 'refused', summary: 'prune things' },
      'Query.me': { roles: ['auditor'], scoped: 'unaffected', summary: 'who I am' },
    },
    ['viewer', 'admin', 'auditor'],
  );
  assert.deepEqual(table.split('\n').slice(0, 5), [
    '| permission | what | viewer | admin | auditor | with a label selector |',
    '| --- | --- | :-: | :-: | :-: | --- |',
    '| `Query.things` | list things \\| their labels | ✓ scoped | ✓ scoped | | only objects whose labels match |',
    '| `Mutation.thingPrune` | prune things | | ✓ | | refused (needs an unscoped grant) |',
    '| `Query.me` | who I am | | | ✓ scoped | as unscoped (no labelled objects) |',
  ]);
  const rows = renderRoleTable().split('\n').filter((l) => l.startsWith('| `'));
  assert.equal(rows.length, Object.keys(PERMISSIONS).length);
  assert.ok(renderRoleTable().split('\n')[0]!.includes(ROLES.join(' | ')));
});

test('the script rewrites only the block between the markers', () => {
  const doc = 'intro\n<!-- role-table:start -->\nstale\n<!-- role-table:end -->\noutro\n';
  const out = replaceRoleTable(doc, 'TABLE');
  assert.equal(out, 'intro\n<!-- role-table:start -->\nTABLE\n<!-- role-table:end -->\noutro\n');
  assert.equal(roleTableIn(out), 'TABLE');
  assert.throws(() => replaceRoleTable('no markers', 'TABLE'), /markers/);
});
