// README's guardrail chapter holds the policy table rendered (src/auth/policy/render.ts),
// so the documentation says exactly what the gateway enforces.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { POLICY_RULES, POLICY_TABLE } from '../../../src/auth/policy/index.ts';
import { containerPolicyTableIn, renderContainerPolicyTable } from '../../../src/auth/policy/container-render.ts';
import { policyTableIn, renderPolicyTable, replacePolicyTable } from '../../../src/auth/policy/render.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

test("README's policy table is the one rendered from src/auth/policy/policy-table.ts", () => {
  const block = policyTableIn(readme);
  assert.notEqual(block, null, 'README.md has no <!-- policy-table:start --> ... <!-- policy-table:end --> block: add the markers under "### Guardrails" and run npm run docs:policy');
  assert.ok(block === renderPolicyTable(), "README.md's policy table differs from src/auth/policy/policy-table.ts: run npm run docs:policy");
});

test("README's container policy table is the one rendered from src/auth/policy/container-policy-table.ts", () => {
  const block = containerPolicyTableIn(readme);
  assert.notEqual(block, null, 'README.md has no <!-- container-policy-table:start --> ... end block: add the markers under the container policy and run npm run docs:policy');
  assert.ok(block === renderContainerPolicyTable(), "README.md's container policy table differs from src/auth/policy/container-policy-table.ts: run npm run docs:policy");
});

test('a row per rule and per spec field, with its verdict, rule and input fields', () => {
  const text = renderPolicyTable(
    [
      { path: 'TaskTemplate.ContainerSpec.Sysctls', verdict: 'refused', rule: 'refused-field', note: 'kernel | parameters' },
      { path: 'TaskTemplate.ContainerSpec.Env', verdict: 'allowed', create: ['env'], update: ['envAdd', 'env'], note: 'environment' },
    ],
    { 'refused-field': 'a field the table refuses' },
  );
  assert.deepEqual(text.split('\n'), [
    '| rule | what it holds to |',
    '| --- | --- |',
    '| `refused-field` | a field the table refuses |',
    '',
    '| Engine spec field | verdict | rule | set by input | |',
    '| --- | --- | --- | --- | --- |',
    '| `TaskTemplate.ContainerSpec.Sysctls` | refused | `refused-field` | | kernel \\| parameters |',
    '| `TaskTemplate.ContainerSpec.Env` | allowed | | `env`, `envAdd` | environment |',
    '',
    'Any other field of the spec is refused (`unclassified-field`). `[]` stands for every item of a list.',
  ]);
  const rows = renderPolicyTable().split('\n').filter((l) => l.startsWith('| `'));
  assert.equal(rows.length, POLICY_TABLE.length + Object.keys(POLICY_RULES).length);
});

test('the script rewrites only the block between the markers', () => {
  const doc = 'intro\n<!-- policy-table:start -->\nstale\n<!-- policy-table:end -->\noutro\n';
  const out = replacePolicyTable(doc, 'TABLE');
  assert.equal(out, 'intro\n<!-- policy-table:start -->\nTABLE\n<!-- policy-table:end -->\noutro\n');
  assert.equal(policyTableIn(out), 'TABLE');
  assert.throws(() => replacePolicyTable('no markers', 'TABLE'), /markers/);
});
