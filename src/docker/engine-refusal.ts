// What kind of refusal an Engine answer is, decided here once. The Engine (and swarmkit
// behind it) reports some of these as 500 with a gRPC code in the message, so the message
// is what identifies them. The engine layer only classifies; the GraphQL layer decides what
// a caller is told (src/graphql/engine-user-errors.ts).
import { EngineRequestError } from './engine-errors.ts';

/** The refusals a caller can act on (the names are the userError codes they become). */
export type EngineRefusalKind =
  | 'VERSION_CONFLICT'
  | 'NAME_CONFLICT'
  | 'INGRESS_EXISTS'
  | 'NOT_ATTACHABLE'
  | 'IN_USE'
  | 'ALREADY_IN_SWARM'
  | 'NOT_IN_SWARM'
  | 'INVALID_STATE'
  | 'ENGINE_REJECTED'
  | 'PORT_IN_USE';

/** A published port another service holds. */
export interface PortClash {
  port: number;
  /** ` as an ingress port`, ` as a host-mode port`, or empty. */
  mode: string;
  /** The holding service's name, quoted as the engine quotes it (`'search-api'`). */
  holder: string | undefined;
}

export interface EngineRefusal {
  kind: EngineRefusalKind;
  /** The engine's words without swarmkit's gRPC wrapping. */
  words: string;
  /** Set for PORT_IN_USE. */
  clash?: PortClash;
}

const PATTERNS: [RegExp, EngineRefusalKind][] = [
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

/** swarmkit's published-port clash (controlapi checkPortConflicts): `port '18080' is already in use by service 'x' (id) as an ingress port`. */
const PORT_CLASH = /port '(\d+)' is already in use by service ('[^']*') \([^)]*\)( as an? [a-z-]+ port)?/i;

/** The refusal an error is, or null when it is not one the caller can act on. */
export function engineRefusal(err: unknown): EngineRefusal | null {
  if (!(err instanceof EngineRequestError)) return null;
  const words = cleanEngineMessage(err.engineMessage);
  const clash = PORT_CLASH.exec(words);
  if (clash) return { kind: 'PORT_IN_USE', words, clash: { port: Number(clash[1]), holder: clash[2], mode: clash[3] ?? '' } };
  for (const [pattern, kind] of PATTERNS) if (pattern.test(err.engineMessage)) return { kind, words };
  if (err.status === 400 || err.status === 409) return { kind: err.status === 409 ? 'NAME_CONFLICT' : 'ENGINE_REJECTED', words };
  return null;
}

/** Drops swarmkit's gRPC wrapping (`rpc error: code = X desc = ...`). */
export function cleanEngineMessage(message: string): string {
  const m = /desc = (.*)$/s.exec(message);
  return (m ? m[1]! : message).trim();
}
