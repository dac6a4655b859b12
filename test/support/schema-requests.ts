// One request per root field of schema.graphql, generated from the schema itself so that a
// field added tomorrow is covered without anyone editing a list: every required argument
// gets a valid dummy value derived from its type (input objects: their required fields,
// recursively), and the selection is the smallest one the type allows. The access-matrix
// test sends these with every grant; the values only have to get past GraphQL validation,
// since the access check runs before any resolver looks at them.
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

export type OperationKind = 'query' | 'mutation' | 'subscription';

export interface RootFieldRequest {
  /** The permission-table key: `Query.nodes`, `Mutation.serviceCreate`, `Subscription.events`. */
  permission: string;
  kind: OperationKind;
  field: string;
  /** A complete operation document selecting only this field. */
  document: string;
  /**
   * Whether the field acts on a cluster or an engine: it takes a `cluster` or `engine`
   * argument, or its `input` has such a field. The others (whoami, the audit log, API
   * tokens) are about the gateway itself.
   */
  clusterBound: boolean;
  /** Whether the field takes an `engine` argument (directly or in `input`). */
  takesEngine: boolean;
}

export interface RequestOptions {
  /** Values for String and ID arguments and input fields by name (e.g. `engine: 'mgr-1'`), used where one is required. */
  strings?: Record<string, string>;
  /** String and ID arguments and input fields given these values wherever they exist, required or not (e.g. `cluster` and `engine` together). */
  always?: Record<string, string>;
}

/** Dummy values of the built-in scalars and the schema's custom ones. A new custom scalar needs a line here. */
const SCALAR_VALUES: Record<string, unknown> = {
  String: 'x',
  ID: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: '2026-01-01T00:00:00Z',
};

/** The scalars given as text, whose values `strings` and `always` may set by name. */
const TEXT_SCALARS = new Set(['String', 'ID']);

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
}

/** The root types with the operation kind each stands for. */
export function rootTypes(schema: GraphQLSchema): [OperationKind, GraphQLObjectType][] {
  const roots: [OperationKind, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.filter((r): r is [OperationKind, GraphQLObjectType] => Boolean(r[1]));
}

/** `Query.x`, `Mutation.x`, `Subscription.x` for every root field of the schema. */
export function rootFieldPermissions(schema: GraphQLSchema): string[] {
  return rootTypes(schema).flatMap(([, type]) => Object.keys(type.getFields()).map((f) => `${type.name}.${f}`));
}

export function rootFieldRequests(schema: GraphQLSchema, options: RequestOptions = {}): RootFieldRequest[] {
  const out: RootFieldRequest[] = [];
  for (const [kind, type] of rootTypes(schema)) {
    for (const field of Object.values(type.getFields())) {
      const args = field.args.filter((a) => isRequired(a) || isAlwaysGiven(a, options)).map((a) => `${a.name}: ${literal(a.type, a.name, options, [field.name])}`);
      const selection = selectionFor(field.type);
      out.push({
        permission: `${type.name}.${field.name}`,
        kind,
        field: field.name,
        document: `${kind} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`,
        clusterBound: isClusterBound(field),
        takesEngine: takesArgument(field, 'engine'),
      });
    }
  }
  return out;
}

function isRequired(arg: GraphQLArgument | GraphQLInputField): boolean {
  return isNonNullType(arg.type) && arg.defaultValue === undefined;
}

function isAlwaysGiven(arg: GraphQLArgument | GraphQLInputField, options: RequestOptions): boolean {
  return options.always?.[arg.name] !== undefined && TEXT_SCALARS.has(getNamedType(arg.type).name);
}

function takesArgument(field: GraphQLField<unknown, unknown>, name: string): boolean {
  return field.args.some((a) => {
    if (a.name === name) return true;
    const named = getNamedType(a.type);
    return a.name === 'input' && isInputObjectType(named) && name in named.getFields();
  });
}

const CLUSTER_ARGS = new Set(['cluster', 'engine']);

function isClusterBound(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => {
    if (CLUSTER_ARGS.has(a.name)) return true;
    const named = getNamedType(a.type);
    return a.name === 'input' && isInputObjectType(named) && Object.keys(named.getFields()).some((f) => CLUSTER_ARGS.has(f));
  });
}

/** A GraphQL literal of the type: a valid dummy value. `path` names where it goes, for errors. */
function literal(type: GraphQLInputType, name: string, options: RequestOptions, path: string[]): string {
  if (isNonNullType(type)) return literal(type.ofType, name, options, path);
  if (isListType(type)) return `[${literal(type.ofType, name, options, path)}]`;
  if (isEnumType(type)) {
    const first = type.getValues()[0];
    if (!first) throw new Error(`enum ${type.name} (at ${path.join('.')}) has no values`);
    return first.name;
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isRequired(f) || isAlwaysGiven(f, options));
    return `{${fields.map((f) => ` ${f.name}: ${literal(f.type, f.name, options, [...path, f.name])}`).join(',')} }`;
  }
  if (isScalarType(type)) {
    const given = TEXT_SCALARS.has(type.name) ? (options.always?.[name] ?? options.strings?.[name]) : undefined;
    const value = given ?? SCALAR_VALUES[type.name];
    if (value === undefined) throw new Error(`no dummy value for scalar ${type.name} (at ${path.join('.')}): add one to SCALAR_VALUES in test/support/schema-requests.ts`);
    return JSON.stringify(value);
  }
  throw new Error(`unexpected input type ${String(type)} at ${path.join('.')}`);
}

/** Nothing for a leaf; for an object the first leaf field that needs no argument; `__typename` otherwise. */
function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isObjectType(named)) {
    const leaf = Object.values(named.getFields()).find((f) => isLeafType(getNamedType(f.type)) && !f.args.some(isRequired));
    if (leaf) return ` { ${leaf.name} }`;
  }
  return ' { __typename }';
}
