// `npm run docs:policy`: rewrites README's guardrail chapter table (between the policy-table
// markers) from the policy table in src/auth/policy/policy-table.ts.
// test/unit/docs/readme-policy-table.test.ts fails until this has been run after a change to it.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderPolicyTable, replacePolicyTable } from '../src/auth/policy/render.ts';

const README = new URL('../README.md', import.meta.url);

const before = readFileSync(README, 'utf8');
const after = replacePolicyTable(before, renderPolicyTable());
if (after === before) {
  console.log('README.md: policy table already up to date');
} else {
  writeFileSync(README, after);
  console.log('README.md: policy table rewritten from src/auth/policy/policy-table.ts');
}
