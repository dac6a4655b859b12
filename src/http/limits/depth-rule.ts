// The deepest selection set accepted (limits.maxDepth), with graphql-armor's max-depth rule.
// Fragments are flattened: a fragment spread or inline fragment is not a level of its own,
// so the depth is the depth of the data returned.
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ValidationRule } from 'graphql';
import { quietRejection, reportAs } from './library-rejection.ts';

export function depthRule(maxDepth: number): ValidationRule {
  return maxDepthRule({ n: maxDepth, flattenFragments: true, ignoreIntrospection: true, ...quietRejection, onReject: [reportAs('maxDepth', maxDepth)] }) as unknown as ValidationRule;
}
