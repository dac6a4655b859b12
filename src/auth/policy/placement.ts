// Placement: tasks of a guarded service never land on managers, whatever the mode
// (replicated, global, jobs). The gateway adds the configured worker constraint (default
// `node.role==worker`) to every guarded spec it sends, so updates and scales keep it; a spec
// that would be restored without it (a rollback) is refused. Constraints that contradict it
// (`node.role==manager`, `node.role!=worker`), or name a manager by ID or hostname, are
// refused, as is a constraint swarmkit's grammar (src/validate/constraints.ts) rejects.
import type { GuardrailSettings } from '../../config/access-config.ts';
import { parseConstraint, sameConstraint, type Constraint } from '../../validate/constraints.ts';
import type { PolicyContext } from './facts.ts';
import { finding, type Finding, type SpecPath } from './rules.ts';

export const CONSTRAINTS_PATH = ['TaskTemplate', 'Placement', 'Constraints'] as const;

type Json = Record<string, any>;

function workerConstraint(settings: GuardrailSettings): Constraint {
  const parsed = parseConstraint(settings.workerConstraint);
  if ('error' in parsed) throw new Error(`guardrails.workerConstraint: ${parsed.error}`);
  return parsed;
}

const remedy = (settings: GuardrailSettings) =>
  `Leave placement to the swarm (the gateway adds ${settings.workerConstraint}); only an unscoped admin may place services on managers.`;

function constraintsOf(spec: Json): unknown[] {
  const list = spec?.TaskTemplate?.Placement?.Constraints;
  return Array.isArray(list) ? list : [];
}

/** The spec with the worker constraint appended when it does not hold it already (a copy; the input is unchanged). */
export function withWorkerConstraint<T extends object>(spec: T, settings: GuardrailSettings): T {
  if (settings.allowManagerPlacement) return spec;
  const worker = workerConstraint(settings);
  const constraints = constraintsOf(spec).map(String);
  if (constraints.some((c) => { const p = parseConstraint(c); return !('error' in p) && sameConstraint(p, worker); })) return spec;
  const copy = structuredClone(spec) as Json;
  copy.TaskTemplate ??= {};
  copy.TaskTemplate.Placement = { ...(copy.TaskTemplate.Placement ?? {}), Constraints: [...constraints, settings.workerConstraint] };
  return copy as T;
}

/** Why `c` contradicts the worker constraint `w` (same key: another value with ==, or the same value with !=), or null. */
function contradiction(c: Constraint, w: Constraint): string | null {
  if (c.key.toLowerCase() !== w.key.toLowerCase()) return null;
  const sameValue = c.value.toLowerCase() === w.value.toLowerCase();
  if (w.equal && ((c.equal && !sameValue) || (!c.equal && sameValue))) return `it contradicts the worker constraint ${w.key}${w.equal ? '==' : '!='}${w.value}`;
  if (!w.equal && c.equal && sameValue) return `it contradicts the worker constraint ${w.key}!=${w.value}`;
  return null;
}

/** Placement.Constraints: each valid, none contradicting the worker constraint or naming a manager. */
export function checkConstraints(value: unknown, path: SpecPath, _placement: unknown, { settings, facts }: PolicyContext): Finding[] {
  if (settings.allowManagerPlacement) return [];
  const worker = workerConstraint(settings);
  const managers = facts.nodes.filter((n) => n.manager);
  return (Array.isArray(value) ? value : []).flatMap((expression, i): Finding[] => {
    const at = [...path, i];
    const c = parseConstraint(String(expression));
    if ('error' in c) return [finding(at, 'no-manager-placement', `the constraint ${JSON.stringify(expression)} cannot be read (${c.error})`, remedy(settings))];
    const why = contradiction(c, worker) ?? namesManager(c, managers);
    return why ? [finding(at, 'no-manager-placement', `the constraint ${JSON.stringify(expression)} places tasks on managers: ${why}`, remedy(settings))] : [];
  });
}

function namesManager(c: Constraint, managers: PolicyContext['facts']['nodes']): string | null {
  if (!c.equal) return null;
  const v = c.value.toLowerCase();
  const named = c.parsedKey.kind === 'node.id' ? managers.find((m) => m.id.toLowerCase() === v) : c.parsedKey.kind === 'node.hostname' ? managers.find((m) => m.hostname.toLowerCase() === v) : undefined;
  return named ? `it names the manager node ${named.hostname}` : null;
}

/** The whole spec: it holds the worker constraint (a restored spec cannot be amended, so it must hold it already). */
export function checkWorkerConstraint(spec: object, { settings }: PolicyContext): Finding[] {
  if (settings.allowManagerPlacement) return [];
  const worker = workerConstraint(settings);
  const held = constraintsOf(spec).some((c) => { const p = parseConstraint(String(c)); return !('error' in p) && sameConstraint(p, worker); });
  return held ? [] : [finding(CONSTRAINTS_PATH, 'no-manager-placement', `the spec lacks the worker constraint ${settings.workerConstraint}, so its tasks may run on managers`, remedy(settings))];
}

/** Whether the spec's constraints name nodes by ID or hostname, so the caller must list the nodes. */
export function needsNodes(spec: object, settings: GuardrailSettings): boolean {
  if (settings.allowManagerPlacement) return false;
  return constraintsOf(spec).some((c) => { const p = parseConstraint(String(c)); return !('error' in p) && (p.parsedKey.kind === 'node.id' || p.parsedKey.kind === 'node.hostname'); });
}
