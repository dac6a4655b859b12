// The policy evaluated on an Engine ServiceSpec: the spec walked field by field against the
// policy table, plus the worker constraint the whole spec must hold. Pure: the facts (the
// networks and nodes the spec names) are read by the caller first.
import type { PolicyContext } from './facts.ts';
import { checkWorkerConstraint } from './placement.ts';
import { POLICY_BY_PATH, POLICY_TABLE } from './policy-table.ts';
import { finding, specPathText, type Finding, type SpecPath } from './rules.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Absent, "", 0, false, [], or an object of such: what the engine treats as "not set". */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.values(value).every(isEmpty);
  return false;
}

const parents = new Set(POLICY_TABLE.flatMap((row) => {
  const cut = row.path.replace(/(\[\])?\.[^.]+$/, '');
  return cut === row.path ? [] : [cut];
}));

function walk(object: Json, path: SpecPath, pattern: string, ctx: PolicyContext, findings: Finding[]): void {
  for (const [key, value] of Object.entries(object)) {
    if (isEmpty(value)) continue;
    const at = [...path, key];
    const p = pattern === '' ? key : `${pattern}.${key}`;
    const row = POLICY_BY_PATH.get(p);
    if (!row) {
      findings.push(finding(at, 'unclassified-field', `the spec field ${specPathText(at)} is not one the policy allows`, 'Leave it out; only an unscoped admin may set it.'));
      continue;
    }
    if (row.verdict === 'refused') {
      findings.push(finding(at, 'refused-field', `the spec field ${specPathText(at)} (${row.note}) is refused`, 'Leave it out; only an unscoped admin may set it.'));
      continue;
    }
    if (row.check) findings.push(...row.check(value, at, object, ctx));
    if (!parents.has(p)) continue;
    if (Array.isArray(value)) value.forEach((item, i) => isObject(item) && walk(item, [...at, i], `${p}[]`, ctx, findings));
    else if (isObject(value)) walk(value, at, p, ctx, findings);
  }
}

/** Everything the spec holds that the policy does not allow. */
export function evaluatePolicy(spec: object, ctx: PolicyContext): Finding[] {
  const findings: Finding[] = [];
  walk(spec as Json, [], '', ctx, findings);
  return [...findings, ...checkWorkerConstraint(spec, ctx)];
}
