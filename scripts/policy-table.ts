// `npm run docs:policy`: rewrites README's guardrail chapter table (between the policy-table
// markers) from the policy table in src/auth/policy/policy-table.ts, and the container policy's
// (between the container-policy-table markers) from src/auth/policy/container-policy-table.ts.
// test/unit/docs/readme-policy-table.test.ts fails until this has been run after a change to either.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderContainerPolicyTable, replaceContainerPolicyTable } from '../src/auth/policy/container-render.ts';
import { renderPolicyTable, replacePolicyTable } from '../src/auth/policy/render.ts';

const README = new URL('../README.md', import.meta.url);

const before = readFileSync(README, 'utf8');
const after = replaceContainerPolicyTable(replacePolicyTable(before, renderPolicyTable()), renderContainerPolicyTable());
if (after === before) {
  console.log('README.md: policy tables already up to date');
} else {
  writeFileSync(README, after);
  console.log('README.md: policy tables rewritten from src/auth/policy/policy-table.ts and container-policy-table.ts');
}
