// Which GraphQL-over-HTTP media type a response is written in, from the request's Accept
// header: `application/graphql-response+json` when the client prefers it, else
// `application/json` (also when the header is absent, as the spec requires for legacy
// clients). The status code rules differ between the two (see status-codes-plugin.ts).
import Negotiator from 'negotiator';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';

export type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON;

/** The negotiated type; null when the client accepts neither (answered in application/json anyway, or 406 by Apollo). */
export function negotiateMediaType(accept: string | undefined | null): ResponseMediaType | null {
  if (!accept) return APPLICATION_JSON;
  const chosen = new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]);
  return (chosen as ResponseMediaType | undefined) ?? null;
}

/** The Content-Type header for an error envelope: the negotiated type, application/json when none fits. */
export function envelopeContentType(accept: string | undefined | null): string {
  return `${negotiateMediaType(accept) ?? APPLICATION_JSON}; charset=utf-8`;
}

/**
 * Whether the client prefers an HTML page to a GraphQL answer: a browser opening /graphql
 * (`text/html` ranked above the JSON types). Any-type or no Accept header is a GraphQL client.
 */
export function prefersHtml(accept: string | undefined | null): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, 'text/html']) === 'text/html';
}
