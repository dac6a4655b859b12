// The page size (`first`) each connection field of an operation will be asked for: the
// literal in the query, the variable's value (or the variable's default), or the
// argument's default in the schema. Both the page-size cap and the cost estimate use it.
import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';

export const PAGE_SIZE_ARGUMENT = 'first';

export interface PageSize {
  /** The field as `Type.field`, e.g. `Query.services`. */
  field: string;
  node: FieldNode;
  /** Where the value comes from. */
  source: 'literal' | 'variable' | 'default';
  /**
   * The size the resolver will see; undefined when it cannot be known here (a variable at
   * validation time) or is not an integer (GraphQL's own coercion refuses that).
   */
  value: number | undefined;
}

/** Variables of a request; `undefined` at validation time, when they are not known yet. */
export type RequestVariables = Readonly<Record<string, unknown>> | undefined;

/**
 * Visits every field that takes a page size, with the size it will be given. `replace`
 * may return a new field node (the visit then returns the rewritten document).
 */
export function visitPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: RequestVariables,
  onField: (size: PageSize) => FieldNode | void,
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const variableDefaults = new Map<string, VariableDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) for (const v of def.variableDefinitions ?? []) variableDefaults.set(v.variable.name.value, v);
  }
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const fieldDef = typeInfo.getFieldDef();
        const argDef = fieldDef?.args.find((a) => a.name === PAGE_SIZE_ARGUMENT);
        if (!fieldDef || !argDef) return undefined;
        const field = `${typeInfo.getParentType()?.name ?? '?'}.${fieldDef.name}`;
        const given = node.arguments?.find((a) => a.name.value === PAGE_SIZE_ARGUMENT);
        const size = given ? givenSize(given, argDef.defaultValue, variables, variableDefaults) : { source: 'default' as const, value: integerOrUndefined(argDef.defaultValue) };
        return onField({ field, node, ...size }) ?? undefined;
      },
    }),
  );
}

/** Every page size of a document, for checks that do not rewrite it. */
export function pageSizes(schema: GraphQLSchema, document: DocumentNode, variables: RequestVariables): PageSize[] {
  const found: PageSize[] = [];
  visitPageSizes(schema, document, variables, (size) => void found.push(size));
  return found;
}

function givenSize(
  arg: ArgumentNode,
  fieldDefault: unknown,
  variables: RequestVariables,
  variableDefaults: Map<string, VariableDefinitionNode>,
): Pick<PageSize, 'source' | 'value'> {
  // An explicit null, like an absent variable without default, leaves the field's default.
  if (arg.value.kind === Kind.NULL) return { source: 'default', value: integerOrUndefined(fieldDefault) };
  if (arg.value.kind !== Kind.VARIABLE) return { source: 'literal', value: literalInteger(arg.value) };
  if (variables === undefined) return { source: 'variable', value: undefined };
  const name = arg.value.name.value;
  if (Object.hasOwn(variables, name) && variables[name] !== null) return { source: 'variable', value: integerOrUndefined(variables[name]) };
  const fallback = Object.hasOwn(variables, name) ? undefined : variableDefaults.get(name)?.defaultValue;
  if (fallback && fallback.kind !== Kind.NULL) return { source: 'variable', value: literalInteger(fallback) };
  return { source: 'default', value: integerOrUndefined(fieldDefault) };
}

function literalInteger(value: ValueNode): number | undefined {
  return value.kind === Kind.INT ? integerOrUndefined(Number(value.value)) : undefined;
}

function integerOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
