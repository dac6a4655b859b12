// The page size of every connection, decided once: its default, its bounds, and the check.
// Resolvers (paginate, auditRecords) ask pageSize(); the request limits (src/http/limits)
// refuse a size out of range before anything runs with isPageSizeInRange(); the schema's
// `first: Int = 50` defaults are kept equal to DEFAULT_PAGE_SIZE by a unit test.
import { GatewayError } from '../errors/gateway-error.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export function isPageSizeInRange(size: number): boolean {
  return Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE;
}

/** The size of the page to serve: `first`, or the default; BAD_REQUEST outside 1..MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!isPageSizeInRange(size)) throw new GatewayError('BAD_REQUEST', `first must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`);
  return size;
}
