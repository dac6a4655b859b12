// Engine refusals the caller can act on become userErrors; the rest stay top-level. This is
// the one place that decides what a caller is told about a refusal: the engine layer only
// classifies it (src/docker/engine-refusal.ts); every mutation reaches here, through
// runMutation or, where a refusal must be told apart on the spot, directly.
import type { UserErrorInit } from '../errors/codes.ts';
import { engineRefusal, type EngineRefusal, type EngineRefusalKind, type PortClash } from '../docker/engine-refusal.ts';
import type { Scope } from '../auth/access-decision.ts';
import { parsePublishSpec } from '../validate/ports.ts';

/** What the request was, for refusals that point into it or name other objects. */
export interface EngineErrorContext {
  /** The mutation's input (to find the field a clashing port came from). */
  input?: unknown;
  /** The caller's scope: a label-scoped caller is not told the names of objects outside it. */
  scope?: Scope;
  /** The input field any refusal is about, when the operation acts on one thing at a time. */
  field?: string[];
  /** The input field a kind of refusal is about (a taken name is `input.name`); wins over `field`. */
  fields?: Partial<Record<EngineRefusalKind, string[]>>;
  /** The object refused, named before the engine's words: `Network "web-net"`. */
  about?: string;
}

/** The userError for an Engine refusal, or null when it is not the caller's to fix. */
export function userErrorFromEngine(err: unknown, context: EngineErrorContext = {}): UserErrorInit | null {
  const refusal = engineRefusal(err);
  if (!refusal) return null;
  const field = context.fields?.[refusal.kind] ?? context.field ?? null;
  if (refusal.clash) return portInUse(refusal.clash, field, context);
  return { field, code: refusal.kind, message: messageOf(refusal, context.about) };
}

function messageOf(refusal: EngineRefusal, about: string | undefined): string {
  if (refusal.kind === 'VERSION_CONFLICT') return `${about ?? 'The object'} changed since the version given (${refusal.words}); read it again and retry.`;
  return about ? `${about}: ${refusal.words}` : refusal.words;
}

/**
 * A published port another service holds: PORT_IN_USE at the input field that asked for
 * the port. The other service may be outside a scoped caller's labels, so only an unscoped
 * caller (who can list every service anyway) is told which one; nobody gets its ID, so a
 * scan of ports maps nothing but "taken".
 */
function portInUse(clash: PortClash, field: string[] | null, context: EngineErrorContext): UserErrorInit {
  const holder = context.scope?.all ? clash.holder : undefined;
  return {
    field: field ?? portField(context.input, clash.port),
    code: 'PORT_IN_USE',
    message: `Published port ${clash.port} is already in use by ${holder ? `service ${holder}` : 'another service'}${clash.mode}; choose another published port.`,
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
