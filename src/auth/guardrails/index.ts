// Guardrails on service specs from anyone but an admin: see check.ts.
export { checkServiceCreate, checkServiceUpdate, checkView, needsNodes, type GuardrailFacts } from './check.ts';
export { GUARDRAIL_RULES, type GuardrailRule, type GuardrailViolation } from './violation.ts';
export type { GuardNode } from './placement.ts';
export type { NetworkFacts } from './spec-view.ts';
export { dockerSocketExposure, isUnderPrefix, normalizeHostPath } from './host-paths.ts';
