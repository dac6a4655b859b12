// The most aliases in one operation (limits.maxAliases), with graphql-armor's max-aliases
// rule: an alias flood (`a1: swarm a2: swarm ...`) multiplies work without nesting.
// Aliases of `__typename` are free.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { ValidationRule } from 'graphql';
import { quietRejection, reportAs } from './library-rejection.ts';

export function aliasRule(maxAliases: number): ValidationRule {
  return maxAliasesRule({ n: maxAliases, allowList: ['__typename'], ...quietRejection, onReject: [reportAs('maxAliases', maxAliases)] }) as unknown as ValidationRule;
}
