// `npm run docs:roles`: rewrites README's role table (between the role-table markers) from
// the permission table in src/auth/permissions.ts. test/unit/docs/readme-role-table.test.ts
// fails until this has been run after a change to the permissions.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderRoleTable, replaceRoleTable } from '../src/auth/role-table.ts';

const README = new URL('../README.md', import.meta.url);

const before = readFileSync(README, 'utf8');
const after = replaceRoleTable(before, renderRoleTable());
if (after === before) {
  console.log('README.md: role table already up to date');
} else {
  writeFileSync(README, after);
  console.log('README.md: role table rewritten from src/auth/permissions.ts');
}
