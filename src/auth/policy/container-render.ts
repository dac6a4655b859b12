// README's container policy table, rendered from the container policy table and its rules
// so that the two cannot drift. Pure: text out.
import { escapeCell } from '../../util/markdown.ts';
import { CONTAINER_POLICY_TABLE, type ContainerVerdict } from './container-policy-table.ts';
import { CONTAINER_POLICY_RULES } from './container-rules.ts';

const VERDICT: Record<ContainerVerdict, string> = { allowed: 'allowed', limited: 'allowed with limits', refused: 'refused', 'by-field': 'by field (below)', 'by-key': 'by entry (below)' };

export function renderContainerPolicyTable(): string {
  return [
    '| rule | what it holds to |',
    '| --- | --- |',
    ...Object.entries(CONTAINER_POLICY_RULES).map(([rule, text]) => `| \`${rule}\` | ${escapeCell(text)} |`),
    '',
    '| create body field | verdict | rule | set by input | |',
    '| --- | --- | --- | --- | --- |',
    ...CONTAINER_POLICY_TABLE.map((row) =>
      `| \`${row.path}\` | ${VERDICT[row.verdict]} | ${row.rule ? `\`${row.rule}\`` : ''} | ${(row.input ?? []).map((n) => `\`${n}\``).join(', ')} | ${escapeCell(row.note)} |`.replace(/ {2,}\|/g, ' |'),
    ),
    '',
    'Any other field of the body is refused (`unclassified-field`). `[]` stands for every item of a list, `*` for every entry of a map.',
  ].join('\n');
}
