// Interpolation of a parsed compose file, as docker/cli's cli/compose/interpolation does
// it: every string value (never a key, `x-*` fields included, as the CLI does) goes through
// template substitution; a value that changed and sits at one of the typed paths below is
// then cast (a `replicas: ${N}` becomes a number). Variables come only from the map the
// caller gives, never from the gateway's own environment.
import { userError, type UserErrorInit } from '../../../errors/codes.ts';
import type { ComposeWarning } from '../compose-file.ts';
import { substitute, TemplateError } from './template.ts';

type Cast = (value: string) => unknown;

// YAML 1.1 booleans, as the CLI's toBoolean accepts them.
const toBoolean: Cast = (v) => {
  const lower = v.toLowerCase();
  if (['y', 'yes', 'true', 'on'].includes(lower)) return true;
  if (['n', 'no', 'false', 'off'].includes(lower)) return false;
  throw new Error('a boolean (true, false, yes, no, on, off)');
};
const toInt: Cast = (v) => {
  if (!/^[+-]?\d+$/.test(v)) throw new Error('an integer');
  return Number(v);
};
const toFloat: Cast = (v) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new Error('a number');
  return n;
};

// The CLI's interpolateTypeCastMapping: `*` is any key, `[]` any list item.
const CASTS: [string[], Cast][] = [
  [['configs', '[]', 'mode'], toInt],
  [['secrets', '[]', 'mode'], toInt],
  [['healthcheck', 'retries'], toInt],
  [['healthcheck', 'disable'], toBoolean],
  [['deploy', 'replicas'], toInt],
  [['deploy', 'update_config', 'parallelism'], toInt],
  [['deploy', 'update_config', 'max_failure_ratio'], toFloat],
  [['deploy', 'rollback_config', 'parallelism'], toInt],
  [['deploy', 'rollback_config', 'max_failure_ratio'], toFloat],
  [['deploy', 'restart_policy', 'max_attempts'], toInt],
  [['deploy', 'placement', 'max_replicas_per_node'], toInt],
  [['ports', '[]', 'target'], toInt],
  [['ports', '[]', 'published'], toInt],
  [['ulimits', '*'], toInt],
  [['ulimits', '*', 'hard'], toInt],
  [['ulimits', '*', 'soft'], toInt],
  [['privileged'], toBoolean],
  [['oom_score_adj'], toInt],
  [['read_only'], toBoolean],
  [['stdin_open'], toBoolean],
  [['tty'], toBoolean],
  [['volumes', '[]', 'read_only'], toBoolean],
  [['volumes', '[]', 'volume', 'nocopy'], toBoolean],
].map(([p, c]) => [['services', '*', ...(p as string[])], c as Cast] as [string[], Cast]).concat([
  [['networks', '*', 'external'], toBoolean],
  [['networks', '*', 'internal'], toBoolean],
  [['networks', '*', 'attachable'], toBoolean],
  [['volumes', '*', 'external'], toBoolean],
  [['secrets', '*', 'external'], toBoolean],
  [['configs', '*', 'external'], toBoolean],
]);

function castFor(pattern: readonly string[]): Cast | undefined {
  return CASTS.find(([p]) => p.length === pattern.length && p.every((part, i) => part === '*' || part === pattern[i]))?.[1];
}

export interface Interpolated {
  value: unknown;
  warnings: ComposeWarning[];
  problems: UserErrorInit[];
}

/** Substitutes `variables` into every string of a parsed compose document. */
export function interpolate(doc: unknown, variables: Readonly<Record<string, string>>): Interpolated {
  const warnings: ComposeWarning[] = [];
  const problems: UserErrorInit[] = [];
  const lookup = (name: string) => (Object.hasOwn(variables, name) ? variables[name] : undefined);

  // `path` is the compose path for messages; `pattern` has `[]` for list items, to match CASTS.
  const walk = (value: unknown, path: string[], pattern: string[]): unknown => {
    if (typeof value === 'string') {
      let result;
      try {
        result = substitute(value, lookup);
      } catch (err) {
        if (!(err instanceof TemplateError)) throw err;
        problems.push(userError(path, 'INVALID_VALUE', `${path.join('.')}: ${err.message}`));
        return value;
      }
      for (const name of result.unset) warnings.push({ path, message: `The ${name} variable is not set. Defaulting to a blank string. (in ${path.join('.')})` });
      if (result.value === value) return value;
      const cast = castFor(pattern);
      if (!cast) return result.value;
      try {
        return cast(result.value);
      } catch (err) {
        // The value is not repeated: it came from variables, which may hold secrets.
        problems.push(userError(path, 'INVALID_VALUE', `${path.join('.')}: the interpolated value is not ${(err as Error).message}.`));
        return result.value;
      }
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, String(i)], [...pattern, '[]']));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k], [...pattern, k])]));
    }
    return value;
  };
  return { value: walk(doc, [], []), warnings, problems };
}
