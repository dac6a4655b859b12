// Environment values whose names look secret (DB_PASSWORD, GITHUB_TOKEN: the audit log's
// name patterns, configurable as `audit.secretEnvNamePatterns`) are masked in every
// response, query or mutation payload, for every caller below an unscoped admin of the
// object's cluster: a viewer reads a service's spec, not its credentials. The names stay,
// so a reader still sees which variables are set.
import { decide } from '../../auth/access-decision.ts';
import { redactEnvEntry, secretNameMatcher } from '../../audit/redact.ts';
import type { GatewayContext } from '../context.ts';

/** Whether the caller reads secret-looking values in clear on this cluster (the `Capability.secretValues` rule). */
export function readsSecretValues(ctx: GatewayContext, cluster: string): boolean {
  return decide(ctx.principal, 'Capability.secretValues', cluster).allowed;
}

/** `KEY=VALUE` entries as this caller may see them: secret-looking values become `[redacted]`. */
export function envFor(ctx: GatewayContext, cluster: string, env: readonly string[]): string[] {
  if (readsSecretValues(ctx, cluster)) return [...env];
  const isSecretName = secretNameMatcher(ctx.secretNamePatterns);
  return env.map((entry) => redactEnvEntry(entry, isSecretName));
}
