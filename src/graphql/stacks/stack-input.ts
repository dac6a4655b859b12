// The parts of StackDeployInput checked before the compose file is read: the stack's name (it
// becomes the `<name>_` prefix of every object and the namespace label) and the interpolation
// variables. The compose file's own problems come from the loader and the converter, whose
// paths are inside the file: they are placed under `input.compose` here.
import type { StackDeployInput } from '../../generated/graphql.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { InvalidOptionsError, UserInputError } from '../../errors/gateway-error.ts';

/** Docker's name grammar for a namespace (docker/cli: a service name must be valid with the prefix); 63 as swarmkit's name limit. */
const STACK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
export const STACK_NAME_MAX = 63;
/** A shell variable name, as compose interpolation reads `${NAME}`. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function stackNameErrors(name: string, field: string[] = ['input', 'name']): UserErrorInit[] {
  if (name.length > STACK_NAME_MAX) return [userError(field, 'INVALID_VALUE', `The stack name is ${name.length} characters long; at most ${STACK_NAME_MAX} are allowed.`)];
  if (!STACK_NAME.test(name)) return [userError(field, 'INVALID_VALUE', `The stack name ${JSON.stringify(name)} is invalid: a letter or digit, then letters, digits, "_", "." or "-".`)];
  return [];
}

/** The variables as a map; every bad or repeated name is an INVALID_VALUE at its `name`. */
export function stackVariables(input: Pick<StackDeployInput, 'variables'>): { variables: Record<string, string>; errors: UserErrorInit[] } {
  const variables: Record<string, string> = Object.create(null);
  const errors: UserErrorInit[] = [];
  const seen = new Map<string, number>();
  (input.variables ?? []).forEach((v, i) => {
    const field = ['input', 'variables', String(i), 'name'];
    if (!VARIABLE_NAME.test(v.name)) return void errors.push(userError(field, 'INVALID_VALUE', `The variable name ${JSON.stringify(v.name)} is invalid: a letter or "_", then letters, digits or "_".`));
    const first = seen.get(v.name);
    if (first !== undefined) return void errors.push(userError(field, 'INVALID_VALUE', `The variable ${v.name} is given twice (items ${first} and ${i}).`));
    seen.set(v.name, i);
    variables[v.name] = v.value;
  });
  return { variables, errors };
}

/** Runs the loader or the converter; their problems' compose paths become `input.compose...` paths. */
export function atComposePaths<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof InvalidOptionsError) throw new UserInputError(err.problems.map((p) => ({ ...p, field: ['input', 'compose', ...(p.field ?? [])] })));
    throw err;
  }
}
