// Connection page sizes are capped (1..MAX_PAGE_SIZE) before anything runs. Literals are
// checked while the query is validated; sizes given in variables once the operation is
// resolved (validation never sees variables). The rule is src/graphql/page-size.ts's, which
// resolvers apply again at resolve time.
import type { DocumentNode, GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import { isPageSizeInRange, MAX_PAGE_SIZE } from '../../graphql/page-size.ts';
import { pageSizeOutOfRange, refusal } from './limit-error.ts';
import { pageSizes, type PageSize, type RequestVariables } from './page-size.ts';

const outOfRange = (s: PageSize): s is PageSize & { value: number } => s.value !== undefined && !isPageSizeInRange(s.value);

const refuse = (s: PageSize & { value: number }) => refusal(pageSizeOutOfRange(s.field, s.value, MAX_PAGE_SIZE), s.node);

/** Refuses a literal `first` outside 1..100. */
export const pageSizeRule: ValidationRule = (context) => ({
  Document(document) {
    for (const size of pageSizes(context.getSchema(), document, undefined)) {
      if (size.source === 'literal' && outOfRange(size)) context.reportError(refuse(size));
    }
    return false;
  },
});

/** Refusals for page sizes given in variables (or variable defaults) of one operation. */
export function variablePageSizeErrors(schema: GraphQLSchema, document: DocumentNode, variables: RequestVariables): GraphQLError[] {
  return pageSizes(schema, document, variables ?? {})
    .filter((s) => s.source === 'variable')
    .filter(outOfRange)
    .map(refuse);
}
