// graphql-armor's rules report a rejection as a GraphQLError of their own ("Syntax Error:
// Query depth limit of 12 exceeded, found 20."). We never pass that on: the rules run with
// propagateOnRejection off, and this turns their callback into our typed refusal.
import type { GraphQLError, ValidationContext } from 'graphql';
import { queryTooComplex, refusal, type ComplexityLimit } from './limit-error.ts';

/** The number after "found" in the library's message (it has no other way to give it). */
export function foundValue(message: string): number | undefined {
  const m = /found (\d+(?:\.\d+)?)/.exec(message);
  return m ? Math.ceil(Number(m[1])) : undefined;
}

/** An `onReject` callback reporting QUERY_TOO_COMPLEX for `limit` on the validation context. */
export function reportAs(limit: ComplexityLimit, max: number) {
  return (context: ValidationContext | null, libraryError: GraphQLError): void => {
    context?.reportError(refusal(queryTooComplex(limit, max, foundValue(libraryError.message))));
  };
}

/** Options shared by the three rules: our message only, nothing thrown out of validate(). */
export const quietRejection = { exposeLimits: true, propagateOnRejection: false } as const;
