// Applies the key table (key-table.ts) to a parsed compose file: refusals become problems
// at the key's path, ignored keys become warnings grouped per service as the CLI groups
// them ("Ignoring unsupported options: build, links (in services.web)": the message names
// the service too, as a payload's warnings are plain strings). `*` in a rule never matches an
// `x-*` extension key (an `x-common:` beside the services is not a service).
import { userError, type UserErrorInit } from '../../../errors/codes.ts';
import type { ComposeWarning } from '../compose-file.ts';
import { KEY_TABLE, type KeyRule } from './key-table.ts';

export interface KeyFindings {
  problems: UserErrorInit[];
  warnings: ComposeWarning[];
}

function matches(rule: KeyRule, path: readonly string[]): boolean {
  const parts = rule.path.split('.');
  return parts.length === path.length && parts.every((p, i) => (p === '*' ? !path[i]!.startsWith('x-') : p === path[i]));
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function checkKeys(doc: Record<string, unknown>): KeyFindings {
  const problems: UserErrorInit[] = [];
  const warnings: ComposeWarning[] = [];
  // Per service (its path joined), the keys of each ignoring treatment, in table order.
  const ignored = new Map<string, { path: string[]; unsupported: KeyRule[]; deprecated: KeyRule[]; other: KeyRule[] }>();
  const depth = Math.max(...KEY_TABLE.map((r) => r.path.split('.').length));

  const visit = (value: Record<string, unknown>, path: string[]) => {
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      for (const rule of KEY_TABLE.filter((r) => matches(r, at))) {
        if (rule.treatment === 'forbidden' || rule.treatment === 'refused') {
          const lead = rule.treatment === 'forbidden' ? 'docker stack deploy refuses this option: ' : '';
          problems.push(userError(at, rule.code!, `${at.join('.')}: ${lead}${rule.advice}`));
          continue;
        }
        const owner = at.slice(0, 2);
        const entry = ignored.get(owner.join('\0')) ?? { path: owner, unsupported: [], deprecated: [], other: [] };
        entry[rule.treatment === 'unsupported' ? 'unsupported' : rule.treatment === 'deprecated' ? 'deprecated' : 'other'].push(rule);
        ignored.set(owner.join('\0'), entry);
      }
      if (isMapping(child) && at.length < depth) visit(child, at);
    }
  };
  visit(doc, []);

  const keyOf = (rule: KeyRule) => rule.path.split('.').slice(2).join('.');
  for (const { path, unsupported, deprecated, other } of ignored.values()) {
    if (unsupported.length > 0) warnings.push({ path, message: `Ignoring unsupported options: ${unsupported.map(keyOf).sort().join(', ')} (in ${path.join('.')})` });
    if (deprecated.length > 0) {
      warnings.push({ path, message: `Ignoring deprecated options (in ${path.join('.')}): ${deprecated.map((r) => `${keyOf(r)}: ${r.advice}`).sort().join(' ')}` });
    }
    for (const rule of other) warnings.push({ path: [...path, keyOf(rule)], message: `Ignoring ${keyOf(rule)} (in ${path.join('.')}): ${rule.advice}` });
  }
  return { problems, warnings };
}
