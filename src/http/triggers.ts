// `POST /triggers/<id>` with `Authorization: Bearer <secret>`: fires a redeploy trigger for a
// registry or CI that cannot speak GraphQL. An unknown ID and a wrong secret get the same 401
// (no oracle: both cost a lookup and a hash comparison), are audited as `auth_failed` refusals
// of `triggerFire` and count against the client address's budget of refused credentials
// (limits.authFailuresPerAddress), like a bad API token on /graphql. With the right secret the
// change is made AS THE CREATOR through the gateway's own GraphQL server (execute-as.ts):
// serviceUpdate with `force` (REDEPLOY) or the new tag on the service's repository (IMAGE_TAG),
// so the field guard, the guardrail policy, the audit intent and outcome and the rollout are
// exactly those of the creator sending that mutation. The answer is the rollout as JSON.
import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/client.ts';
import { creatorStanding, FIRE_BODY_MAX_BYTES, type CreatorStanding, imageWithTag, isTriggerId, parseFireRequest, TriggerStore, type TriggerAction, type TriggerRow } from '../triggers/index.ts';
import { AUTH_RETRY_AFTER_SECONDS, REALM } from './authenticate-request.ts';
import type { OperationRunner } from './execute-as.ts';
import { sendRateLimited, type PrincipalRateLimit } from './limits/rate-limit.ts';
import { answer, answerForErrors, answerForUserErrors, type TriggerAnswer } from './trigger-answers.ts';
import { requestLogger } from './request-logger.ts';

export interface TriggerRouteDeps {
  database: Database | null;
  audit: AuditWriter;
  logger: Logger;
  /** The budget of refused credentials per client address (shared with /graphql's authentication). */
  failures: PrincipalRateLimit;
  /** The per-principal request budget: a trigger's firings count as its creator's requests. */
  requests: PrincipalRateLimit;
  /** `auth.maxTokenDays`: an API token older than this no longer stands behind its triggers. */
  maxTokenDays: number | undefined;
  run: OperationRunner;
}

const OPERATION = 'triggerFire';
const SERVICE_IMAGE = 'query TriggerServiceImage($cluster: String, $id: ID!) { service(cluster: $cluster, id: $id) { image } }';
const SERVICE_UPDATE = `mutation TriggerFire($input: ServiceUpdateInput!) { serviceUpdate(input: $input) {
  service { id name version image }
  rollout { id cluster serviceId serviceName kind status conclusion reason desired running upToDate failed updateState updateMessage serviceVersion startedBy startedAt concludedAt deadline supersededBy
    slots { slot nodeId taskId state desiredState upToDate error message } }
  userErrors { field code message } } }`;

export function triggerRoutes(deps: TriggerRouteDeps): Router {
  const router = Router();
  // Read as bytes whatever the Content-Type (a CI's curl may send none), at most FIRE_BODY_MAX_BYTES: a 413 past it.
  router.post('/:id', express.raw({ type: () => true, limit: FIRE_BODY_MAX_BYTES }), async (req: Request<{ id: string }>, res: Response) => {
    const result = await fire(deps, req, res);
    if (result) res.status(result.status).send(JSON.stringify(result.body));
  });
  return router;
}

/** The answer, or null when one was sent already (a rate-limit refusal). */
async function fire(deps: TriggerRouteDeps, req: Request<{ id: string }>, res: Response): Promise<TriggerAnswer | null> {
  const id = req.params.id;
  const clientAddress = req.socket.remoteAddress;
  const requestId = String(res.locals.requestId);
  const log = requestLogger(deps.logger, res);
  if (!deps.database) return answer(503, 'AUDIT_UNAVAILABLE', 'redeploy triggers are kept in the gateway\'s database, and this gateway runs without one');
  const store = new TriggerStore(deps.database);

  let trigger: TriggerRow | null;
  try {
    trigger = await store.authenticate(id, bearerOf(req.get('authorization')));
  } catch (err) {
    log.error({ err }, 'the redeploy trigger table could not be read');
    return databaseUnavailable(res, 'the trigger');
  }
  if (!trigger) {
    const flooding = await deps.failures.consume(undefined, clientAddress);
    if (flooding) {
      sendRateLimited(res, flooding);
      return null;
    }
    const anonymous: Principal = { id: 'unauthenticated', kind: 'anonymous', grants: [], clientAddress };
    await deps.audit.refusal(
      // An ID that is not one is not recorded as given (it may be any text a client sent).
      { requestId, principal: anonymous, userAgent: req.get('user-agent'), cluster: undefined, operation: OPERATION, target: isTriggerId(id) ? id : '(not a trigger ID)', input: null },
      { kind: 'auth_failed', errorCode: 'UNAUTHENTICATED', decision: { allowed: false, reason: 'unknown_trigger_or_secret' } },
    );
    res.set('WWW-Authenticate', `Bearer realm="${REALM}", error="invalid_token", error_description="unknown trigger or wrong secret"`);
    return answer(401, 'UNAUTHENTICATED', 'unknown trigger or wrong secret: send the secret triggerCreate returned as `Authorization: Bearer <secret>`');
  }

  const parsed = parseFireRequest(Buffer.isBuffer(req.body) ? req.body : undefined, trigger.action as TriggerAction);
  if ('error' in parsed) return answer(400, 'BAD_REQUEST', parsed.error, parsed.field ? { field: parsed.field } : {});
  const { tag, wait } = parsed.request;

  let standing: CreatorStanding;
  try {
    standing = await creatorStanding(deps.database, trigger, { maxTokenDays: deps.maxTokenDays });
  } catch (err) {
    log.error({ err }, 'the API token behind a redeploy trigger could not be read');
    return databaseUnavailable(res, 'the trigger\'s creator');
  }
  const principal: Principal = { id: trigger.createdBy, kind: trigger.creatorKind as Principal['kind'], grants: standing.holds ? standing.grants : [], clientAddress };
  const facts = { requestId, principal, userAgent: `redeploy-trigger/${trigger.id}` };
  if (!standing.holds) {
    await deps.audit.refusal(
      { requestId, principal, userAgent: facts.userAgent, cluster: trigger.cluster, operation: OPERATION, target: trigger.id, input: { tag, wait } },
      { kind: 'denied', errorCode: 'FORBIDDEN', decision: { allowed: false, reason: standing.reason } },
    );
    return answer(403, 'FORBIDDEN', `the trigger no longer fires: ${standing.reason}`);
  }
  const limited = await deps.requests.consume(principal);
  if (limited) {
    sendRateLimited(res, limited);
    return null;
  }

  const input: Record<string, unknown> = { cluster: trigger.cluster, id: trigger.serviceId, ...(wait !== null ? { wait } : {}) };
  if (tag === null) input.force = true;
  else {
    const read = await deps.run({ query: SERVICE_IMAGE, variables: { cluster: trigger.cluster, id: trigger.serviceId } }, facts);
    if (read.errors?.length) return answerForErrors(read.errors);
    input.image = imageWithTag(String((read.data?.service as { image: string }).image), tag);
  }
  const result = await deps.run({ query: SERVICE_UPDATE, variables: { input } }, facts);
  if (result.errors?.length) return answerForErrors(result.errors);
  const payload = result.data!.serviceUpdate as { service: unknown; rollout: unknown; userErrors: { field: string[] | null; code: string; message: string }[] };
  if (payload.userErrors.length > 0) return answerForUserErrors(payload.userErrors);
  // `lastFiredAt` says when it last rolled something out: a change that replaces no task (the
  // tag it already runs) is not one. Failing to note it must not turn the answer into an error.
  const firedAt =
    payload.rollout === null
      ? null
      : await store.markFired(trigger.id).catch((err: unknown) => {
          log.error({ err, trigger: trigger.id }, 'the trigger\'s last firing could not be recorded');
          return null;
        });
  return { status: 200, body: { trigger: { id: trigger.id, action: trigger.action, firedAt: firedAt?.toISOString() ?? null }, service: payload.service, rollout: payload.rollout } };
}

/** 503 with Retry-After, as /graphql answers credentials it cannot check now: nothing ran, nothing was refused. */
function databaseUnavailable(res: Response, what: string): TriggerAnswer {
  res.set('Retry-After', String(AUTH_RETRY_AFTER_SECONDS));
  return answer(503, 'AUTH_UNAVAILABLE', `${what} could not be verified: the gateway's database is unavailable; retry shortly`, { retryAfterSeconds: AUTH_RETRY_AFTER_SECONDS });
}

/** The credential of `Bearer <secret>`; anything else is no secret (and matches no trigger). */
function bearerOf(header: string | undefined): string {
  const m = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return m?.[1] ?? '';
}
