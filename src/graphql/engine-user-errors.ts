// Engine refusals the caller can act on become userErrors; the rest stay top-level.
// The Engine (and swarmkit behind it) reports some of these as 500 with a gRPC code in
// the message, so the message is what identifies them.
import type { UserErrorInit } from '../errors/codes.ts';
import { EngineRequestError } from '../docker/engine-errors.ts';

const PATTERNS: [RegExp, UserErrorInit['code']][] = [
  [/update out of sequence|version mismatch|object version/i, 'VERSION_CONFLICT'],
  [/already exists|name conflicts|is already in use by container|already in use by/i, 'NAME_CONFLICT'],
  [/ingress network.*(already|exists)|only one ingress/i, 'INGRESS_EXISTS'],
  [/not manually attachable|is not attachable/i, 'NOT_ATTACHABLE'],
  [/in use|has active endpoints|is being used|resource is still in use/i, 'IN_USE'],
  [/already part of a swarm/i, 'ALREADY_IN_SWARM'],
  [/not part of a swarm/i, 'NOT_IN_SWARM'],
  [/code = FailedPrecondition/i, 'INVALID_STATE'],
  [/code = InvalidArgument|invalid|must be|cannot|can't|not supported|no such/i, 'ENGINE_REJECTED'],
];

/** The userError for an Engine refusal, or null when it is not the caller's to fix. */
export function userErrorFromEngine(err: unknown, field: string[] | null = null): UserErrorInit | null {
  if (!(err instanceof EngineRequestError)) return null;
  const message = cleanEngineMessage(err.engineMessage);
  for (const [pattern, code] of PATTERNS) if (pattern.test(err.engineMessage)) return { field, code, message };
  if (err.status === 400 || err.status === 409) return { field, code: err.status === 409 ? 'NAME_CONFLICT' : 'ENGINE_REJECTED', message };
  return null;
}

/** Drops swarmkit's gRPC wrapping (`rpc error: code = X desc = ...`). */
export function cleanEngineMessage(message: string): string {
  const m = /desc = (.*)$/s.exec(message);
  return (m ? m[1]! : message).trim();
}
