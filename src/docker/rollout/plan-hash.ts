// The fingerprint of a planned service change: the service's ID, the version the plan read and
// the final spec that would be sent. serviceUpdate recomputes it right before sending, so any
// change in between (a new version, a policy that now adds something else) shows as a mismatch.
import type { ServiceSpec } from '../engine-api/index.ts';
import { jsonDigest } from './canonical-json.ts';

export function servicePlanHash(serviceId: string, version: number, spec: ServiceSpec): string {
  return jsonDigest({ id: serviceId, version, spec });
}
