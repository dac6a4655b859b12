// CPU amounts (`--limit-cpu 0.5`) as the CLI's opts.NanoCPUs reads them: a decimal number
// of CPUs, converted exactly to integer nano-CPUs.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { type FieldPath } from './field.ts';

/** Converts CPUs to nano-CPUs; refuses negatives and values finer than one nano-CPU. */
export function parseNanoCpus(cpus: number, field: FieldPath): { nanoCpus: number } | { errors: UserErrorInit[] } {
  if (!Number.isFinite(cpus) || cpus < 0) {
    return { errors: [userError([...field], 'INVALID_VALUE', `${cpus} is not a CPU amount; give a number of CPUs of 0 or more, e.g. 0.5.`)] };
  }
  const nano = Math.round(cpus * 1e9);
  if (!Number.isSafeInteger(nano)) return { errors: [userError([...field], 'INVALID_VALUE', `The CPU amount ${cpus} is too large.`)] };
  if (Math.abs(nano - cpus * 1e9) > 1e-3 * Math.max(1, cpus)) {
    return { errors: [userError([...field], 'INVALID_VALUE', `The CPU amount ${cpus} is too precise; give at most 9 decimal places.`)] };
  }
  return { nanoCpus: nano };
}
