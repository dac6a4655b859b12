// DateTime travels as an RFC 3339 string; the Engine already gives that form, so this
// scalar only checks inputs.
import { GraphQLScalarType, Kind } from 'graphql';

function parse(value: unknown): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new TypeError('DateTime must be an RFC 3339 string, e.g. 2026-01-31T12:00:00Z');
  }
  return new Date(value).toISOString();
}

export const dateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in time, as an RFC 3339 string in UTC.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string');
    return parse(ast.value);
  },
});
