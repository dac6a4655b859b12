// README's role table, rendered from the permission table so that the two cannot drift:
// `npm run docs:roles` writes it between the markers, and a unit test fails when README
// holds anything else. Pure: text in, text out.
import { escapeCell, markedBlock, replaceMarkedBlock } from '../util/markdown.ts';
import { PERMISSIONS, type PermissionRule, type ScopeRule } from './permissions.ts';
import { ROLES, type Role } from '../grants/roles.ts';

export const ROLE_TABLE_START = '<!-- role-table:start -->';
export const ROLE_TABLE_END = '<!-- role-table:end -->';

const SCOPED_BEHAVIOUR: Record<ScopeRule, string> = {
  objects: 'only objects whose labels match',
  refused: 'refused (needs an unscoped grant)',
  unaffected: 'as unscoped (no labelled objects)',
};

/** One cell: ✓ (unscoped grants only), ✓ scoped (label-scoped grants too), or blank. */
function cell(rule: PermissionRule, role: Role): string {
  if (!rule.roles.includes(role)) return '';
  return rule.scoped === 'refused' ? '✓' : '✓ scoped';
}


/** The Markdown table: one row per permission, in the table's order. */
export function renderRoleTable(permissions: Record<string, PermissionRule> = PERMISSIONS, roles: readonly Role[] = ROLES): string {
  const header = ['permission', 'what', ...roles, 'with a label selector'];
  const rows = Object.entries(permissions).map(([name, rule]) => [`\`${name}\``, escapeCell(rule.summary), ...roles.map((r) => cell(rule, r)), SCOPED_BEHAVIOUR[rule.scoped]]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  return [
    line(header),
    line(header.map((_, i) => (i >= 2 && i < 2 + roles.length ? ':-:' : '---'))),
    ...rows.map(line),
    '',
    '✓: allowed to an unscoped grant of the role; ✓ scoped: also to a grant with a label selector (e.g. `deployer:team=payments`), limited as the last column says. `Capability.*` rows are finer permissions checked inside an operation.',
  ].join('\n');
}

const ROLE_TABLE_MARKERS = { start: ROLE_TABLE_START, end: ROLE_TABLE_END };

/** README with the block between the markers replaced by `table`; throws when the markers are missing or out of order. */
export const replaceRoleTable = (readme: string, table: string): string => replaceMarkedBlock(readme, ROLE_TABLE_MARKERS, table);

/** The block README holds between the markers, or null without them. */
export const roleTableIn = (readme: string): string | null => markedBlock(readme, ROLE_TABLE_MARKERS);
