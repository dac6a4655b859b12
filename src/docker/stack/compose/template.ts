// Variable substitution in one compose string, with the grammar of docker/cli's
// cli/compose/template: `$$` is a literal `$`; `$NAME` and `${NAME}`; inside braces
// `:-` (default when unset or empty), `-` (default when unset), `:?` (error when unset or
// empty), `?` (error when unset). The CLI has no `:+`/`+`, so neither has the gateway: in
// particular `${A:+b}` does not match the pattern and is an invalid interpolation, as in the CLI.
// Names are case-insensitive in the grammar ([_a-z][_a-z0-9]*), looked up as written.

/** What a substitution could not do: the message names the variable (`required variable X is missing a value: msg`). */
export class TemplateError extends Error {}

export interface Substituted {
  value: string;
  /** Variables referenced without a default that were not set (the caller warns, as `docker compose` does). */
  unset: string[];
}

// The CLI's pattern: `$` then an escaped `$`, a bare name (with an optional operator), a
// braced one, or nothing valid. A bare name's operator text runs up to `}` in the CLI's
// regexp too, which only ever matches inside braces in practice.
const PATTERN = /\$(?:(?<escaped>\$)|(?<named>[_a-z][_a-z0-9]*(?::?[-?][^}]*)?)|\{(?<braced>[_a-z][_a-z0-9]*(?::?[-?][^}]*)?)\}|(?<invalid>))/gi;

export function substitute(template: string, lookup: (name: string) => string | undefined): Substituted {
  const unset: string[] = [];
  const value = template.replace(PATTERN, (...args) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    if (groups.escaped) return '$';
    const expr = groups.named ?? groups.braced;
    if (!expr) throw new TemplateError(`invalid interpolation format in "${template}": you may need to escape any $ with another $`);
    return resolve(expr, lookup, unset);
  });
  return { value, unset };
}

function resolve(expr: string, lookup: (name: string) => string | undefined, unset: string[]): string {
  // The pattern guarantees a name, then optionally an operator and its text. The CLI finds
  // the operator by trying `:-`, `-`, `:?`, `?` in turn anywhere in the text; reading it
  // right after the name gives the same result unless a default or message itself holds
  // one of those characters, where the CLI's reading (`${A:?no-way}` as `A:?no` default
  // `way`) is a trap, not a feature.
  const name = /^[_a-z][_a-z0-9]*/i.exec(expr)![0];
  const op = /^:?[-?]/.exec(expr.slice(name.length))?.[0] ?? '';
  const rest = expr.slice(name.length + op.length);
  const value = lookup(name);
  switch (op) {
    case ':-': return value === undefined || value === '' ? rest : value;
    case '-': return value === undefined ? rest : value;
    case ':?':
      if (value === undefined || value === '') throw new TemplateError(`required variable ${name} is missing a value: ${rest}`);
      return value;
    case '?':
      if (value === undefined) throw new TemplateError(`required variable ${name} is missing a value: ${rest}`);
      return value;
    default:
      if (value === undefined) {
        unset.push(name);
        return '';
      }
      return value;
  }
}
