// The schema's own conventions (DESIGN.md, "GraphQL conventions"), checked on schema.graphql
// so a new field or mutation cannot quietly break them: everything documented, each
// mutation its own `<Mutation>Input` and `<Mutation>Payload`, one shape for removals, and the
// enum resolvers covering exactly the schema's values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isNonNullType, isObjectType, type GraphQLNamedType } from 'graphql';
import { ENGINE_ENUM_VALUES } from '../../../src/graphql/enum-values.ts';
import { loadSchema } from '../../support/schema-requests.ts';

const schema = loadSchema();
const ownTypes = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
const mutations = Object.values(schema.getMutationType()!.getFields());

/** Every element of a type that should carry a description, as `Type.field(arg)` names. */
function undocumented(type: GraphQLNamedType): string[] {
  const missing = type.description ? [] : [type.name];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

test('every type, field, argument and enum value is documented', () => {
  const builtIn = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
  assert.deepEqual(ownTypes.filter((t) => !builtIn.has(t.name)).flatMap(undocumented), []);
});

test('each mutation takes one `input: <Mutation>Input!` and returns its own `<Mutation>Payload!`', () => {
  for (const m of mutations) {
    const Name = m.name[0]!.toUpperCase() + m.name.slice(1);
    assert.deepEqual(m.args.map((a) => `${a.name}: ${String(a.type)}`), [`input: ${Name}Input!`], m.name);
    assert.equal(String(m.type), `${Name}Payload!`, m.name);
    const payload = getNamedType(m.type);
    assert.ok(isObjectType(payload) && 'userErrors' in payload.getFields(), `${m.name}'s payload has userErrors`);
  }
});

test('removal payloads share one shape: `removed: [RemovedObject!]!`', () => {
  const removals = mutations.filter((m) => /(Remove|Prune)$/.test(m.name));
  assert.ok(removals.length >= 4, removals.map((m) => m.name).join(', '));
  for (const m of removals) {
    const payload = getNamedType(m.type);
    assert.ok(isObjectType(payload));
    const removed = payload.getFields().removed;
    assert.equal(removed && String(removed.type), '[RemovedObject!]!', m.name);
    assert.deepEqual(Object.keys(payload.getFields()).sort(), ['removed', 'userErrors'], m.name);
  }
});

test('ID arguments: lookups by id take an ID, never a String', () => {
  for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args.filter((a) => a.name === 'id')) {
        assert.ok(isNonNullType(arg.type) && String(arg.type) === 'ID!', `${root.name}.${field.name}(id) is ${String(arg.type)}`);
      }
    }
  }
});

test("the enums spelled in the Engine's words have an internal value for every schema value, and no other", () => {
  for (const [name, values] of Object.entries(ENGINE_ENUM_VALUES)) {
    const type = schema.getType(name);
    assert.ok(isEnumType(type), `${name} is an enum of the schema`);
    assert.deepEqual(Object.keys(values).sort(), type.getValues().map((v) => v.name).sort(), name);
  }
});
