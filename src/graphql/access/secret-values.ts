// Environment values whose names look secret (DB_PASSWORD, GITHUB_TOKEN: the audit log's
// name patterns, configurable as `audit.secretEnvNamePatterns`) are masked in every
// response, query or mutation payload, for every caller below an unscoped admin of the
// object's cluster: a viewer reads a service's spec, not its credentials. The names stay,
// so a reader still sees which variables are set.
import type { Authority } from '../../auth/authority.ts';
import { redactEnvEntry, secretNameMatcher } from '../../audit/redact.ts';

/**
 * `KEY=VALUE` entries as this caller may see them on `cluster`: in clear with
 * `Capability.secretValues`, else values whose names match `secretNamePatterns` become `[redacted]`.
 */
export function envFor(authority: Authority, cluster: string, secretNamePatterns: readonly RegExp[], env: readonly string[]): string[] {
  if (authority.can('secretValues', cluster)) return [...env];
  const isSecretName = secretNameMatcher(secretNamePatterns);
  return env.map((entry) => redactEnvEntry(entry, isSecretName));
}
