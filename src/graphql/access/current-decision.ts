// The access decision of the root field being resolved, readable anywhere inside its
// resolver (runMutation records it on the intent; resolvers read its scope). Carried by
// AsyncLocalStorage because query root fields run concurrently on one context.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AccessDecision } from '../../auth/access-decision.ts';
import { GatewayError } from '../../errors/gateway-error.ts';

type Allowed = Extract<AccessDecision, { allowed: true }>;

const storage = new AsyncLocalStorage<Allowed>();

export function runWithDecision<T>(decision: Allowed, fn: () => T): T {
  return storage.run(decision, fn);
}

/** The decision that let the current root field run; FORBIDDEN outside a guarded field (deny by default). */
export function currentDecision(): Allowed {
  const decision = storage.getStore();
  if (!decision) throw new GatewayError('FORBIDDEN', 'no access decision was made for this operation');
  return decision;
}
