// `--health-*` and `--no-healthcheck` -> ContainerSpec.Healthcheck, as the CLI builds it
// (cli/command/service/opts.go toHealthConfig for create, update.go updateHealthcheck for
// update): create sends only the fields given; update changes only the fields given and keeps
// the rest, and a check that was NONE gets its test cleared once other fields are set (so the
// image's own command runs with them). Zero fields are left out, as Go's `omitempty` leaves them.
import { InvalidOptionsError, rejectIfAny } from '../../errors/gateway-error.ts';
import { hasHealthCheck, parseHealthCheck, type HealthCheckOptions, type ParsedHealthCheck } from '../../validate/index.ts';
import type { ContainerSpec, HealthConfig } from '../engine-api/index.ts';

const NONE: HealthConfig = { Test: ['NONE'] };

/** The parsed check of checked options (their parse cannot fail). */
function parsed(check: HealthCheckOptions): ParsedHealthCheck {
  const result = parseHealthCheck(check, []);
  rejectIfAny('errors' in result ? result.errors : [], InvalidOptionsError);
  return 'check' in result ? result.check : {};
}

/** The Engine's shape with its zero fields left out. */
function withoutZeros(c: HealthConfig): HealthConfig {
  return {
    ...(c.Test?.length ? { Test: c.Test } : {}),
    ...(c.Interval ? { Interval: c.Interval } : {}),
    ...(c.Timeout ? { Timeout: c.Timeout } : {}),
    ...(c.StartPeriod ? { StartPeriod: c.StartPeriod } : {}),
    ...(c.Retries ? { Retries: c.Retries } : {}),
  };
}

function over(base: HealthConfig, p: ParsedHealthCheck): HealthConfig {
  return {
    ...base,
    ...(p.test !== undefined ? { Test: p.test } : {}),
    ...(p.intervalNanos !== undefined ? { Interval: p.intervalNanos } : {}),
    ...(p.timeoutNanos !== undefined ? { Timeout: p.timeoutNanos } : {}),
    ...(p.startPeriodNanos !== undefined ? { StartPeriod: p.startPeriodNanos } : {}),
    ...(p.retries !== undefined ? { Retries: p.retries } : {}),
  };
}

/** serviceCreate: the check to send, or undefined when neither option is given (the image's check applies). */
export function toHealthConfig(check: HealthCheckOptions | null | undefined, noHealthcheck: boolean | null | undefined): HealthConfig | undefined {
  if (noHealthcheck) return { ...NONE };
  if (!hasHealthCheck(check)) return undefined;
  return withoutZeros(over({}, parsed(check)));
}

/** serviceUpdate: the container's check with the given fields changed. */
export function updateHealthConfig(container: ContainerSpec, check: HealthCheckOptions | null | undefined, noHealthcheck: boolean | null | undefined): void {
  if (noHealthcheck) {
    container.Healthcheck = { ...NONE };
    return;
  }
  if (!hasHealthCheck(check)) return;
  const current = { ...(container.Healthcheck ?? {}) };
  if (current.Test?.[0] === 'NONE') delete current.Test;
  const next = withoutZeros(over(current, parsed(check)));
  if (Object.keys(next).length > 0) container.Healthcheck = next;
  else delete container.Healthcheck;
}
