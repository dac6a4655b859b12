// DateTime travels as an RFC 3339 string; the Engine already gives that form, so this
// scalar only checks inputs: the form, and that the date exists (JavaScript's parser
// would roll 2026-02-30 over into March).
import { GraphQLScalarType, Kind } from 'graphql';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function parse(value: unknown): string {
  const m = typeof value === 'string' ? RFC3339.exec(value) : null;
  const [year, month, day, hour, minute, second] = (m ?? []).slice(1, 7).map(Number) as number[];
  const calendar = m ? new Date(Date.UTC(year!, month! - 1, day!)) : null;
  const valid =
    m && calendar && calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month! - 1 && calendar.getUTCDate() === day && hour! < 24 && minute! < 60 && second! < 60;
  if (!valid) throw new TypeError('DateTime must be an RFC 3339 date-time that exists, e.g. 2026-01-31T12:00:00Z');
  return new Date(value as string).toISOString();
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
