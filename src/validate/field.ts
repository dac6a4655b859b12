// Field paths of problems: the path prefix a validator was given (inside the options or the
// input it checks), plus the parts below it. Every validator builds its paths here so they
// look the same everywhere.
export type FieldPath = readonly string[];

/** `at(['ipam'], 0, 'gateway')` -> `['ipam', '0', 'gateway']`. */
export function at(field: FieldPath, ...rest: (string | number)[]): string[] {
  return [...field, ...rest.map(String)];
}

/** A value quoted for a message: `"10.0.0.0/33"`. JSON quoting shows blanks and control characters. */
export function q(value: unknown): string {
  return JSON.stringify(value);
}
