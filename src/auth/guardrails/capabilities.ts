// Rule no-added-capabilities: a non-admin adds only the capabilities the configuration
// allows, compared as the CLI normalizes them (`net_admin` = `CAP_NET_ADMIN`); `ALL` only
// when `ALL` itself is allowed. Dropping capabilities is always fine.
import type { GuardrailSettings } from '../../config/access-config.ts';
import { normalizeCapability } from '../../docker/mapping/service-mounts.ts';
import type { GuardedSpec } from './spec-view.ts';
import { finding, type Finding } from './violation.ts';

export function checkCapabilities(caps: GuardedSpec['capabilityAdd'], settings: GuardrailSettings): Finding[] {
  const allowed = new Set(settings.allowedCapabilities.map(normalizeCapability));
  const remedy = allowed.size > 0 ? `Capabilities you may add: ${[...allowed].join(', ')}.` : 'Only an admin may add capabilities.';
  return caps
    .filter((c) => !allowed.has(normalizeCapability(c.name)))
    .map((c) => finding(c.field, 'no-added-capabilities', `adding ${normalizeCapability(c.name)} is not allowed`, remedy));
}
