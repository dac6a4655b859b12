// Every mutation runs through here (after the field guard allowed it): audit intent, with
// the grant that allowed it, before the engine is touched, the change itself, audit outcome after. Input problems come back as
// `userErrors` with nothing changed; other failures are top-level errors.
import type { GatewayContext } from './context.ts';
import { decisionRecord } from '../auth/access-decision.ts';
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { fieldDecision } from './access/field-decision.ts';
import { GatewayError, InvalidOptionsError, InvalidReferenceError, rejectIfAny, UserInputError } from '../errors/gateway-error.ts';
import { userErrorFromEngine, type EngineErrorContext } from './engine-user-errors.ts';
import { orAuditUnavailable } from './audit-unavailable.ts';
import { validateStorableText } from '../validate/text.ts';
import { engineDelivery } from '../docker/engine-errors.ts';

export interface MutationSpec {
  /** The root field name, e.g. `networkCreate`. */
  operation: string;
  /** The cluster argument as given; omitted or null means the default cluster. */
  cluster?: string | null | undefined;
  /**
   * Set for operations on one configured engine rather than a cluster (swarmInit or
   * swarmLeave on an engine, networkCreateGatewayBridge): then no cluster is recorded.
   */
  engine?: string | null | undefined;
  /** Set for operations on the gateway itself (API tokens): no cluster is recorded. */
  gatewayWide?: boolean;
  /** The object acted on (ID or name), if any. */
  target?: string | undefined;
  input: unknown;
  /** Where the engine's refusals belong in the input and what they are about (engine-user-errors.ts). */
  refusals?: Pick<EngineErrorContext, 'fields' | 'about'>;
}

export interface MutationResult<P> {
  payload: P;
  /** IDs of the objects created or changed, for the audit outcome. */
  objectIds?: string[];
  /**
   * The change was made but its end is not known (containerExec past its time limit: the
   * command may still be running): the outcome is recorded `unknown` with the reason, and the
   * payload is still the caller's answer.
   */
  unfinished?: { reason: string };
}

type Payload = { userErrors: UserErrorInit[] };

/**
 * Runs `change` under the audit/access protocol. It takes the whole context because the
 * protocol uses most of it: the root field's decision and the principal (for the intent),
 * the audit writer, the request ID and user agent, the registry (the cluster recorded), the
 * loaders (invalidated after a change) and the logger.
 * `change` validates its input first and throws UserInputError for what the caller can
 * fix. `empty` is the payload's shape with every field null, returned alongside userErrors.
 */
export async function runMutation<P extends Payload>(
  ctx: GatewayContext,
  spec: MutationSpec,
  empty: Omit<P, 'userErrors'>,
  change: () => Promise<MutationResult<Omit<P, 'userErrors'>>>,
): Promise<P> {
  const cluster = spec.engine != null || spec.gatewayWide ? undefined : ctx.registry.cluster(spec.cluster).name;
  // A change is checked against the engine's state, not the watched copy (loaders.readEngine).
  if (cluster) ctx.loaders(cluster).readEngine();
  const request = { operation: spec.operation, cluster, target: spec.target };
  // The field guard has already checked the caller's grants; the intent names the grant.
  const allowed = fieldDecision(ctx);
  const decision = decisionRecord(allowed);
  const started = performance.now();
  const intentId = await orAuditUnavailable(
    () => ctx.audit.intent({ requestId: ctx.requestId, principal: ctx.authority.principal, userAgent: ctx.userAgent, input: spec.input, decision, ...request }),
    { logger: ctx.logger, log: 'audit intent could not be written', refusal: 'the audit log cannot record this change, so it was not made' },
  );
  const finish = (status: 'succeeded' | 'failed' | 'unknown', errorCode?: string, objectIds?: string[], reason?: string) =>
    ctx.audit.outcome(intentId, { status, errorCode, objectIds, reason, durationMs: performance.now() - started }).catch((err: unknown) => {
      ctx.logger.error({ err, intentId }, 'audit outcome could not be written');
    });
  try {
    // Text the audit log cannot hold (NUL, lone surrogates) is refused at its field; the
    // attempt itself is on record already (the intent stores such text escaped).
    rejectIfAny(validateStorableText(spec.input, ['input']));
    const result = await change();
    if (cluster) ctx.loaders(cluster).invalidate();
    if (result.unfinished) await finish('unknown', undefined, result.objectIds, result.unfinished.reason);
    else await finish('succeeded', undefined, result.objectIds);
    return { ...result.payload, userErrors: [] } as unknown as P;
  } catch (err) {
    if (cluster) ctx.loaders(cluster).invalidate();
    const userErrors = inputUserErrors(err, spec.input) ?? [userErrorFromEngine(err, { input: spec.input, scope: allowed.scope, ...spec.refusals })].filter((e) => e !== null);
    if (userErrors.length > 0) {
      await finish('failed', userErrors[0]!.code);
      return { ...empty, userErrors } as unknown as P;
    }
    // No answer after the request may have reached the engine: the change may have been
    // made. Recording `failed` would be a guess, so the outcome is `unknown` until the
    // reconciler reads the truth back from the engine (src/audit/reconciler.ts).
    if (engineDelivery(err) === 'maybe') {
      if (!(err instanceof GatewayError)) {
        // A fault of the gateway's own (INTERNAL to the caller), possibly after a write.
        await finish('unknown', 'INTERNAL', undefined, 'the gateway failed after the engine may have acted');
        throw err;
      }
      await finish('unknown', err.code, undefined, err.message);
      throw new GatewayError(
        'ENGINE_UNAVAILABLE',
        `${err.message}; the outcome is unknown: the change may or may not have been made. ` +
          'The audit log records it as unknown and reconciles it from the engine once the engine answers; read the object before retrying.',
      );
    }
    await finish('failed', err instanceof GatewayError ? err.code : 'INTERNAL');
    throw err;
  }
}

// Resolvers end their validations with it; it lives with the errors it throws.
export { rejectIfAny };

/**
 * The gateway's own refusals of an input (what the caller can fix) as userErrors, or null for
 * any other failure. Mutations and the reads that check an input as a mutation would
 * (servicePlan) answer them alike.
 */
export function inputUserErrors(err: unknown, input: unknown): UserErrorInit[] | null {
  if (err instanceof UserInputError) return err.userErrors;
  if (err instanceof InvalidOptionsError) return inputErrors(err);
  if (err instanceof InvalidReferenceError) return [userError(fieldHolding(input, err.reference), 'INVALID_VALUE', err.message)];
  return null;
}

/**
 * The engine layer's problems as userErrors: the one place where a path inside the engine
 * options becomes a GraphQL input path. Every mutation's `input` converts to its options
 * field by field (same names), so `['ipam', '0', 'gateway']` is `['input', 'ipam', '0', 'gateway']`.
 */
export function inputErrors(err: InvalidOptionsError): UserErrorInit[] {
  return err.problems.map((p) => ({ ...p, field: p.field === null ? null : ['input', ...p.field] }));
}

/**
 * The input field (`['input', ...]`) whose value is `value`: where a reference refused by
 * the engine layer's check (InvalidReferenceError) came from. Null when no field holds it.
 */
export function fieldHolding(input: unknown, value: string, path: string[] = ['input']): string[] | null {
  if (input === value) return path;
  if (input === null || typeof input !== 'object') return null;
  for (const [key, child] of Object.entries(input)) {
    const found = fieldHolding(child, value, [...path, key]);
    if (found) return found;
  }
  return null;
}
