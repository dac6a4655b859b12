// What a guardrail reports: the input field at fault, the rule it breaks, and a sentence
// for a person that names the rule. Guardrails apply to service specs from anyone but an
// admin (permission `Capability.unguarded`); the rules and their settings are in README.
export const GUARDRAIL_RULES = ['no-host-bind-mounts', 'no-docker-socket', 'no-added-capabilities', 'no-host-network', 'no-manager-placement'] as const;
export type GuardrailRule = (typeof GUARDRAIL_RULES)[number];

export interface GuardrailViolation {
  /** Path of the input field, as in userErrors: `['input', 'mounts', '0', 'source']`. */
  field: string[];
  rule: GuardrailRule;
  message: string;
}

/** A rule's finding before it becomes a message: what is wrong, and how the caller can fix it. */
export interface Finding {
  field: readonly string[];
  rule: GuardrailRule;
  /** A clause: `the bind source "/etc" is not under an allowed prefix`. */
  problem: string;
  /** A sentence: `Use a volume, or a path under /srv/data.` */
  remedy: string;
}

export function finding(field: readonly string[], rule: GuardrailRule, problem: string, remedy: string): Finding {
  return { field, rule, problem, remedy };
}

/** The finding of a field the caller gave. */
export function inputViolation(f: Finding): GuardrailViolation {
  return { field: [...f.field], rule: f.rule, message: `Guardrail ${f.rule}: ${f.problem}. ${f.remedy}` };
}

/** The finding of a service's current spec (set by an admin): the caller cannot update that service. */
export function currentSpecViolation(f: Finding): GuardrailViolation {
  return {
    field: [...f.field],
    rule: f.rule,
    message: `Guardrail ${f.rule}: the service's current spec breaks this rule (${f.problem}), so only an admin can update it.`,
  };
}
