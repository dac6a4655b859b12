// The Apollo Server side of the limits: the validation rules (depth, aliases, literal page
// sizes) and a plugin that, once the operation is resolved and before it executes, checks
// page sizes given in variables and the estimated cost. A refusal ends the request with
// HTTP 400 before any resolver, so before any Engine call.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import type { ValidationRule } from 'graphql';
import type { LimitSettings } from '../../config/access-config.ts';
import { aliasRule } from './alias-rule.ts';
import { depthRule } from './depth-rule.ts';
import { operationLimitErrors } from './operation-limits.ts';
import { pageSizeRule } from './page-size-rule.ts';

/** The rules that need no variables; also usable by graphql-ws's `validate`. */
export function limitValidationRules(limits: Pick<LimitSettings, 'maxDepth' | 'maxAliases'>): ValidationRule[] {
  return [depthRule(limits.maxDepth), aliasRule(limits.maxAliases), pageSizeRule];
}

export function operationLimitPlugin<TContext extends object>(limits: Pick<LimitSettings, 'maxCost'>): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const [first] = operationLimitErrors(schema, document, operation, request.variables, limits);
          // Apollo answers one error from this hook; the first refusal says what to fix.
          if (first) throw first;
        },
      };
    },
  };
}

export interface LimitPluginOptions {
  /** In production, no "Did you mean ...?" in validation errors: they would reveal the schema that introspection hides. */
  production?: boolean;
}

/** What ApolloServer needs: `validationRules` and `plugins` to add to its options. */
export function limitPlugins<TContext extends object>(limits: LimitSettings, options: LimitPluginOptions = {}): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin<TContext>[] } {
  const plugins: ApolloServerPlugin<TContext>[] = [operationLimitPlugin<TContext>(limits)];
  if (options.production) plugins.push(ApolloServerPluginDisableSuggestions() as ApolloServerPlugin<TContext>);
  return { validationRules: limitValidationRules(limits), plugins };
}
