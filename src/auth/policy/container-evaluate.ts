// The container policy evaluated on a `POST /containers/create` body: walked field by field
// against the container policy table, each finding traced to the ContainerRunInput field that
// put it there. Pure: the networks the body names are looked up by the caller first.
import type { ContainerRunOptions, ResolvedContainerNetwork } from '../../docker/mapping/container-create.ts';
import { normalizeCapability } from '../../docker/mapping/service-mounts.ts';
import type { ContainerPolicyContext } from './container-checks.ts';
import { CONTAINER_POLICY_BY_PATH, CONTAINER_POLICY_TABLE } from './container-policy-table.ts';
import { containerFinding, type ContainerFinding, type ContainerRule } from './container-rules.ts';
import { specPathText, type SpecPath } from './rules.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const parents = new Set(
  CONTAINER_POLICY_TABLE.flatMap((row) => {
    const cut = row.path.replace(/(\[\])?\.[^.]+$/, '');
    return cut === row.path ? [] : [cut];
  }),
);

/**
 * Absent, "", 0, false, [] or {}: what the engine treats as "not set". Stricter than the
 * service policy's isEmpty: an object with keys counts even when its values are empty, because
 * in a create body a key can be the setting itself (`Volumes: {"/x": {}}` makes a volume,
 * `EndpointsConfig: {"host": {}}` attaches the host network).
 */
function isUnset(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

const REMEDY = 'Leave it out; only an unscoped admin may set it.';

function visit(key: string, value: unknown, parent: Json, path: SpecPath, pattern: string, ctx: ContainerPolicyContext, findings: ContainerFinding[]): void {
  const at = [...path, key];
  const p = pattern === '' ? key : `${pattern}.${key}`;
  const row = CONTAINER_POLICY_BY_PATH.get(p);
  if (!row) {
    findings.push(containerFinding(at, 'unclassified-field', `the container field ${specPathText(at)} is not one the policy allows`, REMEDY));
    return;
  }
  if (row.verdict === 'refused') {
    findings.push(containerFinding(at, 'refused-field', `the container field ${specPathText(at)} (${row.note}) is refused`, REMEDY));
    return;
  }
  if (row.check) findings.push(...row.check(value, at, parent, ctx));
  if (row.verdict === 'by-key' && isObject(value)) {
    // Every entry counts, an empty one too: its key is the network.
    for (const [entryKey, entry] of Object.entries(value)) visitEntry(entryKey, entry, value, at, `${p}.*`, ctx, findings);
    return;
  }
  if (!parents.has(p)) return;
  if (Array.isArray(value)) value.forEach((item, i) => isObject(item) && walk(item, [...at, i], `${p}[]`, ctx, findings));
  else if (isObject(value)) walk(value, at, p, ctx, findings);
}

/** A map entry: checked under the `*` row, its own fields walked below it. */
function visitEntry(key: string, value: unknown, parent: Json, path: SpecPath, pattern: string, ctx: ContainerPolicyContext, findings: ContainerFinding[]): void {
  const row = CONTAINER_POLICY_BY_PATH.get(pattern);
  const at = [...path, key];
  if (row?.check) findings.push(...row.check(value, at, parent, ctx));
  if (isObject(value)) walk(value, at, pattern, ctx, findings);
}

function walk(object: Json, path: SpecPath, pattern: string, ctx: ContainerPolicyContext, findings: ContainerFinding[]): void {
  for (const [key, value] of Object.entries(object)) {
    if (!isUnset(value)) visit(key, value, object, path, pattern, ctx, findings);
  }
}

/** Everything the create body holds that the policy does not allow. */
export function evaluateContainerPolicy(body: object, ctx: ContainerPolicyContext): ContainerFinding[] {
  const findings: ContainerFinding[] = [];
  walk(body as Json, [], '', ctx, findings);
  return findings;
}

export interface ContainerPolicyViolation {
  /** Path of the input field, as in userErrors: `['input', 'mounts', '0', 'source']`. */
  field: string[];
  rule: ContainerRule;
  message: string;
  /** The body field at fault: `HostConfig.Mounts[0].Source`. */
  specField: string;
}

const str = (n: number) => String(n);

/** The ContainerRunInput field that put a body field there. */
export function traceContainerInput(o: ContainerRunOptions, networks: readonly ResolvedContainerNetwork[], path: SpecPath, value: unknown): string[] {
  const [a, b, c, ...rest] = path;
  const input = (...parts: (string | number)[]) => ['input', ...parts.map(String)];
  if (a === 'NetworkingConfig' && b === 'EndpointsConfig' && typeof c === 'string') {
    const j = networks.findIndex((n) => n.ref === c);
    return j < 0 ? input('networks') : input('networks', j, 'network');
  }
  if (a !== 'HostConfig') return input(CONTAINER_POLICY_BY_PATH.get(String(a))?.input?.[0] ?? '').filter((x) => x !== '');
  if (b === 'NetworkMode') return networks.length > 0 ? input('networks', 0, 'network') : input('networkMode');
  if (b === 'Mounts' && typeof c === 'number') {
    const base = input('mounts', c);
    const [d, e, f, g] = rest;
    if (d === 'Source') return [...base, 'source'];
    if (d === 'Type') return [...base, 'type'];
    if (d === 'VolumeOptions' && e === 'DriverConfig' && f === 'Name') return [...base, 'volumeDriver'];
    if (d === 'VolumeOptions' && e === 'DriverConfig' && f === 'Options' && typeof g === 'string') {
      const j = (o.mounts?.[c]?.volumeOptions ?? []).map((x) => x.key).lastIndexOf(g);
      return j < 0 ? base : [...base, 'volumeOptions', str(j), 'value'];
    }
    return base;
  }
  if (b === 'CapAdd' && typeof c === 'number') {
    const j = (o.capAdd ?? []).findIndex((name) => normalizeCapability(name) === value);
    return j < 0 ? input('capAdd') : input('capAdd', j);
  }
  // Lists the mapping copies item by item.
  if ((b === 'SecurityOpt' || b === 'Devices' || b === 'Ulimits') && typeof c === 'number') return input(b === 'SecurityOpt' ? 'securityOpt' : b === 'Devices' ? 'devices' : 'ulimits', c);
  if (b === 'Sysctls' && typeof c === 'string') {
    const j = (o.sysctls ?? []).map((s) => s.key).lastIndexOf(c);
    return j < 0 ? input('sysctls') : input('sysctls', j);
  }
  const named = CONTAINER_POLICY_BY_PATH.get(`HostConfig.${String(b)}`)?.input?.[0];
  return named ? input(named) : input();
}

/** The violations of the final create body about to be sent, each at its input field. */
export function containerPolicyViolations(body: object, ctx: ContainerPolicyContext, o: ContainerRunOptions, networks: readonly ResolvedContainerNetwork[]): ContainerPolicyViolation[] {
  return evaluateContainerPolicy(body, ctx).map((f) => {
    const value = f.path.reduce<any>((v, k) => (v == null ? undefined : v[k]), body);
    return {
      field: traceContainerInput(o, networks, f.path, value),
      rule: f.rule,
      specField: specPathText(f.path),
      message: `Guardrail ${f.rule}: ${f.problem}. ${f.remedy}`,
    };
  });
}
