// The subscriptions open right now, over graphql-ws and server-sent events together: one
// count per principal (limits.maxSubscriptionsPerPrincipal; the anonymous principal counted
// per client address, as the rate limit keys it) and the total for the gauge
// swarm_gateway_subscriptions_open. Each transport takes a slot when a subscription starts
// and gives it back when it ends, however it ends (completed, failed, client gone, revoked).
import { GraphQLError } from 'graphql';
import type { Principal } from '../../auth/principal.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { rateLimitKey } from './rate-limit.ts';

/** Gives the slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

export class OpenSubscriptions {
  private readonly perPrincipal = new Map<string, number>();
  private open = 0;

  /** 0 turns the cap off. */
  constructor(private readonly maxPerPrincipal: number) {}

  get total(): number {
    return this.open;
  }

  /** Subscriptions `principal` has open. */
  countOf(principal: Pick<Principal, 'id' | 'clientAddress'>): number {
    return this.perPrincipal.get(rateLimitKey(principal)) ?? 0;
  }

  /** A slot for one more subscription of `principal`, or the error that refuses it when the principal is at the cap. */
  take(principal: Pick<Principal, 'id' | 'clientAddress'>): ReleaseSlot | GraphQLError {
    const key = rateLimitKey(principal);
    const held = this.perPrincipal.get(key) ?? 0;
    if (this.maxPerPrincipal > 0 && held >= this.maxPerPrincipal) return capError(this.maxPerPrincipal);
    this.perPrincipal.set(key, held + 1);
    this.open++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open--;
      const left = (this.perPrincipal.get(key) ?? 1) - 1;
      if (left > 0) this.perPrincipal.set(key, left);
      else this.perPrincipal.delete(key);
    };
  }
}

function capError(max: number): GraphQLError {
  const error = new GatewayError(
    'RATE_LIMITED',
    `too many open subscriptions: at most ${max} at once for this principal over graphql-ws and server-sent events together (limits.maxSubscriptionsPerPrincipal); end one before starting another`,
    { limit: 'maxSubscriptionsPerPrincipal', max },
  );
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, ...error.extensions } });
}
