// The stack loader: compose text and stackDeploy's variables in, the normalized ComposeFile
// (compose-file.ts) and the warnings out. The steps run in the CLI's order, each stopping
// the load with every problem it found: YAML reading (parse-yaml.ts), the key table's
// refusals (keys.ts; the CLI checks its forbidden keys before interpolating, too),
// interpolation (interpolate.ts), the schema (validate.ts), then normalization and the
// check that every name a service uses is declared.
import { InvalidOptionsError } from '../../../errors/gateway-error.ts';
import { userError, type UserErrorInit } from '../../../errors/codes.ts';
import type { ComposeFile, ComposeWarning } from '../compose-file.ts';
import { interpolate } from './interpolate.ts';
import { checkKeys } from './keys.ts';
import { normalizeFileObject, normalizeNetwork, normalizeVolumeObject } from './normalize-objects.ts';
import { ServiceNormalizer } from './normalize-service.ts';
import { parseYaml } from './parse-yaml.ts';
import { undefinedReferences } from './references.ts';
import { validateSchema } from './validate.ts';

export interface LoadedCompose {
  file: ComposeFile;
  warnings: ComposeWarning[];
}

type LineAt = (path: readonly string[]) => number | null;

// A problem's message names the line its value is on, for a writer looking at the file;
// `field` keeps the path, for a program.
function stopIfAny(problems: readonly UserErrorInit[], lineAt: LineAt): void {
  if (problems.length === 0) return;
  throw new InvalidOptionsError(
    problems.map((problem) => {
      const line = problem.field ? lineAt(problem.field) : null;
      return line === null ? problem : { ...problem, message: `${problem.message.replace(/\.$/, '')} (line ${line}).` };
    }),
  );
}

// `docker stack deploy` reads the 3.x formats; a file without `version` is read as the newest.
function versionProblems(version: unknown): UserErrorInit[] {
  if (version === undefined || /^3(\.\d+)?$/.test(String(version))) return [];
  return [userError(['version'], 'COMPOSE_INVALID', `version: "${String(version)}" is not a compose file version docker stack deploy reads (3.x, e.g. "3.9"), or leave version out.`)];
}

/** The named entries of a top-level section, without its `x-*` extension fields. */
function section(doc: Record<string, unknown>, key: string): [string, Record<string, unknown> | null][] {
  const value = (doc[key] ?? {}) as Record<string, Record<string, unknown> | null>;
  return Object.entries(value).filter(([name]) => !name.startsWith('x-'));
}

/**
 * Parses, interpolates (`variables`), validates and normalizes a compose file given as text.
 * Throws InvalidOptionsError whose problems' fields are compose paths (['services','web','ports','0']).
 */
export function loadCompose(text: string, variables: Readonly<Record<string, string>>): LoadedCompose {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new InvalidOptionsError([parsed.problem]);

  const { lineAt } = parsed;
  const keys = checkKeys(parsed.value);
  stopIfAny(keys.problems, lineAt);

  const interpolated = interpolate(parsed.value, variables);
  stopIfAny(interpolated.problems, lineAt);
  const doc = interpolated.value as Record<string, unknown>;

  stopIfAny(validateSchema(doc), lineAt);
  stopIfAny(versionProblems(doc.version), lineAt);

  const problems: UserErrorInit[] = [];
  const services: ComposeFile['services'] = {};
  for (const [name, raw] of section(doc, 'services')) {
    const normalizer = new ServiceNormalizer(['services', name], variables);
    services[name] = normalizer.service(raw!);
    problems.push(...normalizer.problems);
  }
  const file: ComposeFile = {
    version: doc.version === undefined ? null : String(doc.version),
    services,
    networks: Object.fromEntries(section(doc, 'networks').map(([name, raw]) => [name, normalizeNetwork(name, raw, problems)])),
    volumes: Object.fromEntries(section(doc, 'volumes').map(([name, raw]) => [name, normalizeVolumeObject(name, raw, problems)])),
    secrets: Object.fromEntries(section(doc, 'secrets').map(([name, raw]) => [name, normalizeFileObject('secrets', name, raw, variables, problems)])),
    configs: Object.fromEntries(section(doc, 'configs').map(([name, raw]) => [name, normalizeFileObject('configs', name, raw, variables, problems)])),
  };
  stopIfAny(problems, lineAt);
  stopIfAny(undefinedReferences(file), lineAt);
  return { file, warnings: [...keys.warnings, ...interpolated.warnings] };
}
export type { UserErrorInit };
