// The policy's answer to one spec: each finding as a refusal at the input field that caused
// it, or, for a field of the spec the engine holds, at the service reference (`input.id`),
// naming the service and the spec field. Callers turn these into GUARDRAIL userErrors.
import { evaluatePolicy } from './evaluate.ts';
import type { PolicyContext } from './facts.ts';
import { specPathText, type Finding, type PolicyRule } from './rules.ts';
import { valueAt, type Trace } from './trace.ts';

export interface PolicyViolation {
  /** Path of the input field, as in userErrors: `['input', 'mounts', '0', 'source']`. */
  field: string[];
  rule: PolicyRule;
  message: string;
  /** The spec field at fault: `TaskTemplate.ContainerSpec.Mounts[0].Source`. */
  specField: string;
}

/** Where the spec comes from, for refusals of fields no input field explains. */
export interface SpecOrigin {
  trace: Trace;
  /** The service's name, for a spec the engine holds. */
  service?: string;
  /** `the service's current spec` or `the spec the rollback would restore`. */
  subject: string;
  /** The userError field for the stored spec's findings. */
  serviceField: readonly string[];
}

function violation(f: Finding, spec: object, origin: SpecOrigin): PolicyViolation {
  const specField = specPathText(f.path);
  const field = origin.trace(f.path, valueAt(spec, f.path));
  if (field) return { field, rule: f.rule, specField, message: `Guardrail ${f.rule}: ${f.problem}. ${f.remedy}` };
  const service = origin.service === undefined ? '' : `service ${JSON.stringify(origin.service)}, `;
  return {
    field: [...origin.serviceField],
    rule: f.rule,
    specField,
    message: `Guardrail ${f.rule}: ${origin.subject} breaks this rule (${service}${specField}: ${f.problem}), so only an unscoped admin can change it that way.`,
  };
}

/** The violations of the final spec about to be sent (or restored). */
export function policyViolations(spec: object, ctx: PolicyContext, origin: SpecOrigin): PolicyViolation[] {
  return evaluatePolicy(spec, ctx).map((f) => violation(f, spec, origin));
}
