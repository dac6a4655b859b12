// Field paths of userErrors: the GraphQL input path prefix a validator was given, plus the
// parts below it. Every validator builds its paths here so they look the same everywhere.
export type FieldPath = readonly string[];

/** `at(['input', 'ipam'], 0, 'gateway')` -> `['input', 'ipam', '0', 'gateway']`. */
export function at(field: FieldPath, ...rest: (string | number)[]): string[] {
  return [...field, ...rest.map(String)];
}

/** A value quoted for a message: `"10.0.0.0/33"`. JSON quoting shows blanks and control characters. */
export function q(value: unknown): string {
  return JSON.stringify(value);
}
