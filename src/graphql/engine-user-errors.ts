// Engine refusals the caller can act on become userErrors; the rest stay top-level.
// The Engine (and swarmkit behind it) reports some of these as 500 with a gRPC code in
// the message, so the message is what identifies them.
import type { UserErrorInit } from '../errors/codes.ts';
import { EngineRequestError } from '../docker/engine-errors.ts';
import type { Scope } from '../auth/access-decision.ts';
import { parsePublishSpec } from '../validate/ports.ts';

const PATTERNS: [RegExp, UserErrorInit['code']][] = [
  [/update out of sequence|version mismatch|object version/i, 'VERSION_CONFLICT'],
  [/already exists|name conflicts|is already in use by container|already in use by/i, 'NAME_CONFLICT'],
  [/ingress network.*(already|exists)|only one ingress/i, 'INGRESS_EXISTS'],
  [/not manually attachable|is not attachable/i, 'NOT_ATTACHABLE'],
  [/in use|has active endpoints|is being used|resource is still in use/i, 'IN_USE'],
  [/already part of a swarm/i, 'ALREADY_IN_SWARM'],
  [/not part of a swarm/i, 'NOT_IN_SWARM'],
  [/code = FailedPrecondition/i, 'INVALID_STATE'],
  [/code = InvalidArgument|invalid|must be|cannot|can't|not supported|no such/i, 'ENGINE_REJECTED'],
];

/** swarmkit's published-port clash (controlapi checkPortConflicts): `port '18080' is already in use by service 'x' (id) as an ingress port`. */
const PORT_CLASH = /port '(\d+)' is already in use by service '[^']*' \([^)]*\)( as an? [a-z-]+ port)?/i;

/** What the request was, for refusals that point into it or name other objects. */
export interface EngineErrorContext {
  /** The mutation's input (to find the field a clashing port came from). */
  input?: unknown;
  /** The caller's scope: a label-scoped caller is not told the names of objects outside it. */
  scope?: Scope;
}

/** The userError for an Engine refusal, or null when it is not the caller's to fix. */
export function userErrorFromEngine(err: unknown, field: string[] | null = null, context: EngineErrorContext = {}): UserErrorInit | null {
  if (!(err instanceof EngineRequestError)) return null;
  const message = cleanEngineMessage(err.engineMessage);
  const clash = PORT_CLASH.exec(message);
  if (clash) return portInUse(Number(clash[1]), clash[2] ?? '', message, field, context);
  for (const [pattern, code] of PATTERNS) if (pattern.test(err.engineMessage)) return { field, code, message };
  if (err.status === 400 || err.status === 409) return { field, code: err.status === 409 ? 'NAME_CONFLICT' : 'ENGINE_REJECTED', message };
  return null;
}

/**
 * A published port another service holds: PORT_IN_USE at the input field that asked for
 * the port. The other service may be outside a scoped caller's labels, so only an unscoped
 * caller (who can list every service anyway) is told which one; nobody gets its ID, so a
 * scan of ports maps nothing but "taken".
 */
function portInUse(port: number, mode: string, engineMessage: string, field: string[] | null, context: EngineErrorContext): UserErrorInit {
  const holder = context.scope?.all ? /by service ('[^']*')/.exec(engineMessage)?.[1] : undefined;
  return {
    field: field ?? portField(context.input, port),
    code: 'PORT_IN_USE',
    message: `Published port ${port} is already in use by ${holder ? `service ${holder}` : 'another service'}${mode}; choose another published port.`,
  };
}

/** Where a published port came from in a serviceCreate/serviceUpdate input: `ports.<i>.publishedPort`, `publish.<i>` or `publishAdd.<i>`. */
export function portField(input: unknown, port: number): string[] | null {
  if (!input || typeof input !== 'object') return null;
  const given = input as { ports?: unknown; publish?: unknown; publishAdd?: unknown };
  if (Array.isArray(given.ports)) {
    const i = given.ports.findIndex((p) => (p as { publishedPort?: unknown } | null)?.publishedPort === port);
    if (i >= 0) return ['input', 'ports', String(i), 'publishedPort'];
  }
  for (const key of ['publish', 'publishAdd'] as const) {
    const specs = given[key];
    if (!Array.isArray(specs)) continue;
    const i = specs.findIndex((spec) => {
      if (typeof spec !== 'string') return false;
      const parsed = parsePublishSpec(spec, []);
      return 'ports' in parsed && parsed.ports.some((p) => p.publishedPort === port);
    });
    if (i >= 0) return ['input', key, String(i)];
  }
  return null;
}

/** Drops swarmkit's gRPC wrapping (`rpc error: code = X desc = ...`). */
export function cleanEngineMessage(message: string): string {
  const m = /desc = (.*)$/s.exec(message);
  return (m ? m[1]! : message).trim();
}
