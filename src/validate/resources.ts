// Task resources (`--limit-cpu`, `--limit-memory`, `--reserve-cpu`, `--reserve-memory`),
// parsed and checked against swarmkit's minimums (0.001 CPU, 4 MiB) so the engine does
// not refuse the spec later. Zero means "not set", as in the CLI.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { parseNanoCpus } from './cpus.ts';
import { at, q, type FieldPath } from './field.ts';
import { parseMemoryBytes } from './memory.ts';

const MIN_NANO_CPUS = 1_000_000;
const MIN_MEMORY_BYTES = 4 * 1024 * 1024;

/** `--limit-cpu`, `--limit-memory`, `--reserve-cpu`, `--reserve-memory` as given (memory as Docker's size text). */
export interface ResourcesOptions {
  limitCpus?: number | null | undefined;
  limitMemory?: string | null | undefined;
  reserveCpus?: number | null | undefined;
  reserveMemory?: string | null | undefined;
}

/** Limits and reservations in Engine units; 0 where not given. */
export interface ParsedResources {
  limitNanoCpus: number;
  limitMemoryBytes: number;
  reserveNanoCpus: number;
  reserveMemoryBytes: number;
}

function cpuField(value: number | null | undefined, field: string[], errors: UserErrorInit[]): number {
  if (value == null) return 0;
  const parsed = parseNanoCpus(value, field);
  if ('errors' in parsed) {
    errors.push(...parsed.errors);
    return 0;
  }
  if (parsed.nanoCpus !== 0 && parsed.nanoCpus < MIN_NANO_CPUS) {
    errors.push(userError(field, 'INVALID_VALUE', `The CPU amount ${value} is below the minimum of 0.001 CPUs.`));
  }
  return parsed.nanoCpus;
}

function memoryField(value: string | null | undefined, field: string[], errors: UserErrorInit[]): number {
  if (value == null) return 0;
  const parsed = parseMemoryBytes(value, field);
  if ('errors' in parsed) {
    errors.push(...parsed.errors);
    return 0;
  }
  if (parsed.bytes !== 0 && parsed.bytes < MIN_MEMORY_BYTES) {
    errors.push(userError(field, 'INVALID_VALUE', `The memory size ${q(value)} (${parsed.bytes} bytes) is below the minimum of 4MiB.`));
  }
  return parsed.bytes;
}

/** Parses the resources; `field` is their path (e.g. `['resources']`). */
export function parseResources(input: ResourcesOptions, field: FieldPath): { resources: ParsedResources } | { errors: UserErrorInit[] } {
  const errors: UserErrorInit[] = [];
  const resources = {
    limitNanoCpus: cpuField(input.limitCpus, at(field, 'limitCpus'), errors),
    limitMemoryBytes: memoryField(input.limitMemory, at(field, 'limitMemory'), errors),
    reserveNanoCpus: cpuField(input.reserveCpus, at(field, 'reserveCpus'), errors),
    reserveMemoryBytes: memoryField(input.reserveMemory, at(field, 'reserveMemory'), errors),
  };
  return errors.length > 0 ? { errors } : { resources };
}
