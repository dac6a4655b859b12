// README's container policy table, rendered from the container policy table and its rules
// so that the two cannot drift: `npm run docs:policy` writes it between its markers, and a unit
// test fails when README holds anything else. Pure: text in, text out.
import { escapeCell, markedBlock, replaceMarkedBlock } from '../../util/markdown.ts';
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

const CONTAINER_POLICY_TABLE_MARKERS = { start: '<!-- container-policy-table:start -->', end: '<!-- container-policy-table:end -->' };

/** README with the container table's block replaced by `text`; throws when the markers are missing or out of order. */
export const replaceContainerPolicyTable = (readme: string, text: string): string => replaceMarkedBlock(readme, CONTAINER_POLICY_TABLE_MARKERS, text);

/** The block README holds between the container table's markers, or null without them. */
export const containerPolicyTableIn = (readme: string): string | null => markedBlock(readme, CONTAINER_POLICY_TABLE_MARKERS);
