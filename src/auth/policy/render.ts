// README's policy chapter, rendered from the policy table and the rules so that the two
// cannot drift: `npm run docs:policy` writes it between the markers, and a unit test fails
// when README holds anything else. Pure: text in, text out.
import { escapeCell, markedBlock, replaceMarkedBlock } from '../../util/markdown.ts';
import { POLICY_TABLE, type FieldPolicy, type Verdict } from './policy-table.ts';
import { POLICY_RULES } from './rules.ts';

export const POLICY_TABLE_START = '<!-- policy-table:start -->';
export const POLICY_TABLE_END = '<!-- policy-table:end -->';

const VERDICT: Record<Verdict, string> = { allowed: 'allowed', limited: 'allowed with limits', refused: 'refused', 'by-field': 'by field (below)' };


function inputs(row: FieldPolicy): string {
  const names = [...(row.create ?? []), ...(row.update ?? []).filter((u) => !(row.create ?? []).includes(u))];
  return names.map((n) => `\`${n}\``).join(', ');
}

/** The Markdown: the rules, then one row per spec field, in the table's order. */
export function renderPolicyTable(table: readonly FieldPolicy[] = POLICY_TABLE, rules: Record<string, string> = POLICY_RULES): string {
  return [
    '| rule | what it holds to |',
    '| --- | --- |',
    ...Object.entries(rules).map(([rule, text]) => `| \`${rule}\` | ${escapeCell(text)} |`),
    '',
    '| Engine spec field | verdict | rule | set by input | |',
    '| --- | --- | --- | --- | --- |',
    ...table.map((row) => `| \`${row.path}\` | ${VERDICT[row.verdict]} | ${row.rule ? `\`${row.rule}\`` : ''} | ${inputs(row)} | ${escapeCell(row.note)} |`.replace(/ {2,}\|/g, ' |')),
    '',
    'Any other field of the spec is refused (`unclassified-field`). `[]` stands for every item of a list.',
  ].join('\n');
}

const POLICY_TABLE_MARKERS = { start: POLICY_TABLE_START, end: POLICY_TABLE_END };

/** README with the block between the markers replaced by `text`; throws when the markers are missing or out of order. */
export const replacePolicyTable = (readme: string, text: string): string => replaceMarkedBlock(readme, POLICY_TABLE_MARKERS, text);

/** The block README holds between the markers, or null without them. */
export const policyTableIn = (readme: string): string | null => markedBlock(readme, POLICY_TABLE_MARKERS);
