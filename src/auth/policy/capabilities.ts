// ContainerSpec.CapabilityAdd: only the capabilities the configuration allows, compared as
// the CLI normalizes them (`net_admin` = `CAP_NET_ADMIN`); `ALL` only when `ALL` itself is
// allowed. Dropping capabilities is always fine.
import { normalizeCapability } from '../../docker/mapping/service-mounts.ts';
import type { PolicyContext } from './facts.ts';
import { finding, type Finding, type SpecPath } from './rules.ts';

export function checkCapabilityAdd(value: unknown, path: SpecPath, _parent: unknown, { settings }: PolicyContext): Finding[] {
  const allowed = new Set(settings.allowedCapabilities.map(normalizeCapability));
  const remedy = allowed.size > 0 ? `Capabilities you may add: ${[...allowed].join(', ')}.` : 'Only an unscoped admin may add capabilities.';
  const caps = Array.isArray(value) ? value.map(String) : [String(value)];
  return caps.flatMap((name, i) =>
    allowed.has(normalizeCapability(name)) ? [] : [finding([...path, i], 'no-added-capabilities', `adding ${normalizeCapability(name)} is not allowed`, remedy)],
  );
}
