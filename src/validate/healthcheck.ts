// Health checks (`--health-cmd`, `--health-interval`, `--health-timeout`,
// `--health-start-period`, `--health-retries`), parsed into Engine units and checked as the
// Engine checks them (moby's daemon refuses durations under 1ms other than 0, and negative
// retries), so the caller learns of a problem at its field instead of from the engine.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { parseGoDuration } from './duration.ts';
import { at, q, type FieldPath } from './field.ts';

/** A health check as given; durations are Go duration text. */
export interface HealthCheckOptions {
  test?: readonly string[] | null | undefined;
  interval?: string | null | undefined;
  timeout?: string | null | undefined;
  startPeriod?: string | null | undefined;
  retries?: number | null | undefined;
}

/** The given fields in Engine units; absent fields stay undefined (an update keeps their value). */
export interface ParsedHealthCheck {
  test?: string[];
  intervalNanos?: number;
  timeoutNanos?: number;
  startPeriodNanos?: number;
  retries?: number;
}

const MIN_DURATION_NANOS = 1_000_000;
const DURATIONS = [
  ['interval', 'intervalNanos'],
  ['timeout', 'timeoutNanos'],
  ['startPeriod', 'startPeriodNanos'],
] as const;

/** Docker's test forms: `[]` (the image's), `["NONE"]`, `["CMD", exe, ...]`, `["CMD-SHELL", command]`. */
function testErrors(test: readonly string[], field: FieldPath): UserErrorInit[] {
  if (test.length === 0) return [];
  const [form, ...rest] = test;
  const problem = (message: string) => [userError([...field], 'INVALID_VALUE', message)];
  if (form === 'NONE') return rest.length === 0 ? [] : problem('The test ["NONE"] disables the check and takes nothing after it.');
  if (form === 'CMD') {
    if (rest.length === 0 || rest[0] === '') return problem('The test ["CMD", ...] needs the program to run after "CMD", e.g. ["CMD", "true"].');
    return [];
  }
  if (form === 'CMD-SHELL') {
    if (rest.length !== 1 || rest[0]!.trim() === '') return problem('The test ["CMD-SHELL", ...] takes exactly one non-empty shell command, e.g. ["CMD-SHELL", "wget -q -O- localhost"].');
    return [];
  }
  return problem(`The test form ${q(form)} is not one Docker knows; start the test with "CMD", "CMD-SHELL" or "NONE".`);
}

/** Whether any field of the check is given. */
export function hasHealthCheck(input: HealthCheckOptions | null | undefined): input is HealthCheckOptions {
  return input != null && Object.values(input).some((v) => v != null);
}

/** Parses a health check; every problem is reported at its field below `field`. */
export function parseHealthCheck(input: HealthCheckOptions, field: FieldPath): { check: ParsedHealthCheck } | { errors: UserErrorInit[] } {
  const errors: UserErrorInit[] = [];
  const check: ParsedHealthCheck = {};
  if (input.test != null) {
    const invalid = testErrors(input.test, at(field, 'test'));
    if (invalid.length > 0) errors.push(...invalid);
    else check.test = [...input.test];
  }
  for (const [name, key] of DURATIONS) {
    const text = input[name];
    if (text == null) continue;
    const parsed = parseGoDuration(text, at(field, name));
    if ('errors' in parsed) errors.push(...parsed.errors);
    else if (parsed.nanoseconds !== 0 && parsed.nanoseconds < MIN_DURATION_NANOS) {
      errors.push(userError(at(field, name), 'INVALID_VALUE', `The ${name} ${q(text)} is too short; give 0 (Docker's default) or 1ms or more.`));
    } else check[key] = parsed.nanoseconds;
  }
  if (input.retries != null) {
    if (!Number.isInteger(input.retries) || input.retries < 0) {
      errors.push(userError(at(field, 'retries'), 'INVALID_VALUE', `${input.retries} retries is not valid; give 0 (Docker's default) or more.`));
    } else check.retries = input.retries;
  }
  return errors.length > 0 ? { errors } : { check };
}

/** `noHealthcheck` says NONE; giving check fields beside it contradicts it (the CLI refuses the pair too). */
export function noHealthcheckConflict(input: HealthCheckOptions | null | undefined, noHealthcheck: boolean | null | undefined, field: FieldPath): UserErrorInit[] {
  if (!noHealthcheck || !hasHealthCheck(input)) return [];
  return [userError([...field], 'INVALID_VALUE', 'noHealthcheck disables the health check; give it or healthcheck, not both.')];
}
