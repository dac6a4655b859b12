// The allow-list policy on service specs from guarded callers (everyone but an unscoped
// admin): one table (policy-table.ts), evaluated on the final Engine ServiceSpec.
export { evaluatePolicy, isEmpty } from './evaluate.ts';
export type { NetworkFacts, PolicyContext, PolicyFacts } from './facts.ts';
export { dockerSocketExposure, isUnderPrefix, normalizeHostPath } from './host-paths.ts';
export { needsNodes, withWorkerConstraint } from './placement.ts';
export { NOT_SPEC_INPUTS, POLICY_BY_PATH, POLICY_TABLE, type FieldPolicy, type Verdict } from './policy-table.ts';
export { POLICY_RULES, specPathText, type Finding, type PolicyRule, type SpecPath } from './rules.ts';
export { traceCreateInput, traceStackService, traceStoredSpec, traceUpdateInput, type Trace } from './trace.ts';
export { policyViolations, type PolicyViolation, type SpecOrigin } from './violations.ts';
