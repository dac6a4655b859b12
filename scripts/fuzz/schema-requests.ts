// GraphQL requests generated from schema.graphql: every Query and Mutation root field, its
// arguments as variables filled with edge values (mostly invalid: references Docker's
// grammar refuses, out-of-range numbers, NUL bytes, huge strings, unknown enum values),
// and a selection of the type's leaf fields (and userErrors for payloads).
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Random } from './random.ts';

export interface GeneratedRequest {
  /** What the request is, for the report: `Mutation.networkCreate`. */
  shape: string;
  kind: 'query' | 'mutation';
  field: string;
  body: { query: string; variables: Record<string, unknown> };
}

/** Strings that have broken gateways: path tricks, Docker's name forms, NUL, control and non-BMP characters, sizes. */
const EDGE_STRINGS = [
  '', ' ', 'a', 'x'.repeat(64), 'x'.repeat(5000), '../../../127.0.0.1:1/x', '/name', 'a//b', '..', '.', '%2e%2e%2f', 'a\u0000b', '\u0000',
  'ünïcødé', '😀', '\u202e', 'a b', '-rf', '$(id)', '`id`', '{{x}}', "' OR 1=1 --", 'null', 'undefined', '__proto__', 'constructor',
  '0', '-1', '1e309', 'true', 'tcp', 'udp', 'sctp', 'ALLOCATED', 'node.labels.==x', 'node.role==manager', 'key=value', '=', 'k=', '=v',
  '10.0.0.0/8', '10.10.0.0/31', '10.10.0.0/32', '224.0.0.0/4', '127.0.0.0/8', '0.0.0.0/0', '::1/128', 'fe80::/10', '10.0.0.1', '300.1.1.1',
  '1s', '-1s', '99999999h', 'busybox:latest', 'a'.repeat(255), 'sgw_' + 'a'.repeat(40), 'Bearer x', '2026-02-30T00:00:00Z',
  'c2VxOjk5OTk5OTk5OTk5OTk5OTk5OTk5', '%%%', 'bm90LWEtY3Vyc29y',
];
const EDGE_INTS = [0, -1, 1, 2, 100, 101, 65535, 65536, 2147483647, -2147483648, 1000];
const EDGE_FLOATS = [0, -1, 0.5, 1e308, -1e308, 3.14];
const EDGE_DATES = ['2026-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'yesterday', '2026-13-01T00:00:00Z', ''];

export class SchemaRequests {
  private readonly fields: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[];

  constructor(schema: GraphQLSchema) {
    const query = Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query' as const, field }));
    const mutation = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ kind: 'mutation' as const, field }));
    this.fields = [...query, ...mutation];
  }

  /** Every root field's name, for coverage. */
  shapes(): string[] {
    return this.fields.map((f) => `${f.kind === 'query' ? 'Query' : 'Mutation'}.${f.field.name}`);
  }

  /** The n-th request: the fields in turn (so every one is covered), values at random. */
  generate(random: Random, n: number): GeneratedRequest {
    const { kind, field } = this.fields[n % this.fields.length]!;
    const variables: Record<string, unknown> = {};
    const declared: string[] = [];
    const args: string[] = [];
    for (const arg of field.args) {
      // Required arguments always; optional ones half the time.
      if (!isNonNullType(arg.type) && random.chance(0.5)) continue;
      const value = this.value(random, arg.type, arg.name, 0);
      if (value === undefined) continue;
      declared.push(`$${arg.name}: ${String(arg.type)}`);
      args.push(`${arg.name}: $${arg.name}`);
      variables[arg.name] = value;
    }
    const selection = this.selection(field.type, 0);
    const query = `${kind} Fuzz${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
    return { shape: `${kind === 'query' ? 'Query' : 'Mutation'}.${field.name}`, kind, field: field.name, body: { query, variables } };
  }

  private value(random: Random, type: GraphQLInputType, name: string, depth: number): unknown {
    if (isNonNullType(type)) return this.value(random, type.ofType, name, depth) ?? this.value(random, type.ofType, name, depth + 1) ?? 'x';
    // Sometimes null, or a value of the wrong type (variable coercion must refuse it cleanly).
    if (random.chance(0.04)) return null;
    if (random.chance(0.03)) return random.pick([42, 'x', true, [], {}, [null]]);
    if (isListType(type)) {
      const length = random.pick([0, 1, 2, 3, 40]);
      return Array.from({ length }, () => this.value(random, type.ofType, name, depth + 1)).filter((v) => v !== undefined);
    }
    if (isEnumType(type)) return random.chance(0.9) ? random.pick(type.getValues()).name : random.pick(['NOPE', 'allocated', '']);
    if (isInputObjectType(type)) {
      if (depth > 4) return undefined;
      const out: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields())) {
        if (!isNonNullType(f.type) && random.chance(0.6)) continue;
        const v = this.value(random, f.type, f.name, depth + 1);
        if (v !== undefined) out[f.name] = v;
      }
      if (random.chance(0.03)) out.notAField = 1;
      return out;
    }
    switch (getNamedType(type).name) {
      case 'Int':
        return random.pick(EDGE_INTS);
      case 'Float':
        return random.pick(EDGE_FLOATS);
      case 'Boolean':
        return random.chance(0.5);
      case 'DateTime':
        return random.pick(EDGE_DATES);
      default:
        return random.pick(EDGE_STRINGS);
    }
  }

  /** Leaf fields without required arguments; one level into objects; userErrors in full. */
  private selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (!isObjectType(named)) return ' { __typename }';
    const parts: string[] = ['__typename'];
    for (const f of Object.values(named.getFields())) {
      if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const inner = getNamedType(f.type);
      if (isLeafType(inner)) parts.push(f.name);
      else if (f.name === 'userErrors') parts.push('userErrors { field code message }');
      else if (depth < 1 && isObjectType(inner)) parts.push(`${f.name}${this.selection(f.type, depth + 1)}`);
    }
    return ` { ${parts.join(' ')} }`;
  }
}
